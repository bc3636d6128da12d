// Package schema holds the JSON Schemas (draft 2020-12) of the records
// tongbao writes, one file per record kind:
//
//   - extract.schema.json: one document of "tongbao extract";
//   - segment.schema.json: "tongbao segment --format jsonl";
//   - error.schema.json: the error record of any command that writes one
//     record per document;
//   - freq, tfidf, keyness, similarity and collocations.schema.json: the
//     rows of "tongbao stats SUBCOMMAND";
//   - kwic.schema.json: "tongbao kwic --format jsonl";
//   - compare.schema.json: "tongbao compare --json" (one JSON document);
//   - measure.schema.json: "tongbao measure", per document or with --by;
//   - indicators.schema.json: the rows of "tongbao indicators";
//   - rules.schema.json: "tongbao rules --json";
//   - eval.schema.json: "tongbao eval --json" for mention and segmentation
//     gold formats;
//   - eval-indicators.schema.json: "tongbao eval --gold indicators --json".
//
// The tests run each command on real inputs and validate every record.
package schema

import "embed"

// FS holds the schema files.
//
//go:embed *.schema.json
var FS embed.FS
