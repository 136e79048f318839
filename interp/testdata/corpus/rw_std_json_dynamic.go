package main

import (
	"encoding/json"
	"fmt"
	"sort"
)

const doc = `{"name":"gocell","stars":42,"tags":["go","jupyter"],"owner":{"login":"ann","admin":true},"license":null}`

type Owner struct {
	Login string `json:"login"`
	Admin bool   `json:"admin"`
}

type Repo struct {
	Name  string          `json:"name"`
	Stars int             `json:"stars"`
	Tags  []string        `json:"tags"`
	Owner Owner           `json:"owner"`
	Raw   json.RawMessage `json:"license"`
}

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case float64:
		return fmt.Sprintf("number %g", x)
	case string:
		return "string " + x
	case bool:
		return fmt.Sprint("bool ", x)
	case []any:
		return fmt.Sprintf("array of %d", len(x))
	case map[string]any:
		return fmt.Sprintf("object with %d keys", len(x))
	}
	return "?"
}

func main() {
	var m map[string]any
	if err := json.Unmarshal([]byte(doc), &m); err != nil {
		panic(err)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s: %s\n", k, describe(m[k]))
	}
	var r Repo
	err := json.Unmarshal([]byte(doc), &r)
	fmt.Printf("%v %+v\n", err, r.Owner)
	fmt.Println(r.Name, r.Stars, r.Tags, string(r.Raw))
	var bad Repo
	err = json.Unmarshal([]byte(`{"stars":"many"}`), &bad)
	fmt.Println(err)
	var nums []int
	fmt.Println(json.Unmarshal([]byte(`[1,2,3]`), &nums), nums)
}
