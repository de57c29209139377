// Package jsonerr says what is wrong with a sidecar's line in the terms
// of the file, not of margin's Go types: encoding/json reported a
// revision written as text as "cannot unmarshal string into Go struct
// field line.Event.rev of type int".
package jsonerr

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode"
)

// Plain is err with a type mismatch said as the field's JSON name and
// what it holds against what it should ("rev is text, not a number");
// any other error is returned as it is.
func Plain(err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Type == nil {
		return err
	}
	field := jsonPath(te.Field)
	if field == "" {
		return fmt.Errorf("the line is %s, not %s", valueName(te.Value), typeName(te.Type))
	}
	return fmt.Errorf("%s is %s, not %s", field, valueName(te.Value), typeName(te.Type))
}

// jsonPath is field, the dotted path encoding/json reports, without the
// names of the Go structs embedded along it: margin's keys are all in
// lower case, the names of the structs it embeds capitalised (exported).
func jsonPath(field string) string {
	var keep []string
	for _, seg := range strings.Split(field, ".") {
		if seg != "" && !unicode.IsUpper([]rune(seg)[0]) {
			keep = append(keep, seg)
		}
	}
	return strings.Join(keep, ".")
}

// valueName is the kind of JSON value encoding/json names.
func valueName(v string) string {
	switch v {
	case "string":
		return "text"
	case "array":
		return "a list"
	case "object":
		return "an object"
	case "bool":
		return "true or false"
	}
	if strings.HasPrefix(v, "number") {
		return "a number"
	}
	return v
}

// typeName is what a Go type holds, said as JSON.
func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return "a whole number"
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number of 0 or more"
	case reflect.Float32, reflect.Float64:
		return "a number"
	}
	return t.String()
}
