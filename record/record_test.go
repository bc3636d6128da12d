package record

import (
	"errors"
	"testing"
)

func TestJSON(t *testing.T) {
	b, err := JSON(Error{ID: "a<b>&c", Error: "文档为空"}, false)
	if err != nil || string(b) != `{"id":"a<b>&c","error":"文档为空"}`+"\n" {
		t.Errorf("JSON = %q, %v", b, err)
	}
	b, err = JSON(map[string]int{"n": 1}, true)
	if err != nil || string(b) != "{\n  \"n\": 1\n}\n" {
		t.Errorf("pretty JSON = %q, %v", b, err)
	}
	if _, err := JSON(func() {}, false); err == nil {
		t.Error("no error for a value JSON cannot encode")
	}
}

// appended writes itself with AppendJSON: differently from encoding/json,
// so that the test sees which was used.
type appended struct {
	N   int `json:"n"`
	err error
}

func (a *appended) AppendJSON(b []byte) ([]byte, error) {
	if a.err != nil {
		return b, a.err
	}
	return append(b, `{"appended":true}`...), nil
}

func TestJSONAppender(t *testing.T) {
	b, err := JSON(&appended{N: 1}, false)
	if err != nil || string(b) != `{"appended":true}`+"\n" {
		t.Errorf("JSON of an Appender = %q, %v", b, err)
	}
	b, err = JSON(&appended{N: 1}, true)
	if err != nil || string(b) != "{\n  \"n\": 1\n}\n" {
		t.Errorf("pretty JSON of an Appender = %q, %v: want encoding/json's", b, err)
	}
	b, err = JSON(&appended{err: errors.New("bad value")}, false)
	if err == nil || b != nil {
		t.Errorf("JSON of a failing Appender = %q, %v", b, err)
	}
}
