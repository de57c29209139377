// Package samples holds the articles margin ships with. The default one
// opens when margin is run with no argument.
package samples

import "embed"

// FS holds the sample articles by file name.
//
//go:embed *.txt *.md
var FS embed.FS

// Default is the sample that opens when no article is named.
const Default = "china-us-claims.txt"
