package record

import "testing"

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
