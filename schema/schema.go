// Package schema holds the JSON Schemas (draft 2020-12) of tongbao's
// records: extract.schema.json (one document of "tongbao extract"),
// segment.schema.json ("tongbao segment --format jsonl") and
// error.schema.json (the error record of any command that writes one
// record per document). The tests validate real outputs against them.
package schema

import "embed"

// FS holds the schema files.
//
//go:embed *.schema.json
var FS embed.FS
