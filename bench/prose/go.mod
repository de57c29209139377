module github.com/margin-reader/margin/bench/prose

go 1.26.8

replace github.com/margin-reader/margin => ../..

require (
	github.com/jdkato/prose/v2 v2.0.0
	github.com/margin-reader/margin v0.0.0
)

require (
	github.com/deckarep/golang-set v1.7.1 // indirect
	github.com/mingrammer/commonregex v1.0.1 // indirect
	github.com/stretchr/testify v1.12.1 // indirect
	golang.org/x/exp v0.0.0-20231006140011-7918f672742d // indirect
	gonum.org/v1/gonum v0.7.0 // indirect
	gopkg.in/neurosnap/sentences.v1 v1.0.6 // indirect
)
