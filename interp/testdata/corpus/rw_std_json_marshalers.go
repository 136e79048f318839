package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Level int

const (
	Debug Level = iota
	Info
	Warn
)

var levelNames = []string{"debug", "info", "warn"}

func (l Level) MarshalText() ([]byte, error) { return []byte(levelNames[l]), nil }

func (l *Level) UnmarshalText(b []byte) error {
	for i, n := range levelNames {
		if n == string(b) {
			*l = Level(i)
			return nil
		}
	}
	return fmt.Errorf("unknown level %q", b)
}

type Money struct {
	Cents int64
}

func (m Money) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"$%d.%02d"`, m.Cents/100, m.Cents%100)), nil
}

type Entry struct {
	Level Level `json:"level"`
	Msg   string
	Cost  Money `json:"cost"`
}

func main() {
	e := Entry{Warn, "disk", Money{1234}}
	b, _ := json.Marshal(e)
	fmt.Println(string(b))
	counts := map[Level]int{Info: 3, Debug: 1}
	cb, _ := json.Marshal(counts)
	fmt.Println(string(cb))
	var e2 Entry
	err := json.Unmarshal([]byte(`{"level":"info","Msg":"ok","cost":null}`), &e2)
	fmt.Println(err, e2.Level, e2.Msg)
	err = json.Unmarshal([]byte(`{"level":"loud"}`), &e2)
	fmt.Println(err != nil, strings.Contains(fmt.Sprint(err), "unknown level"))
	list, _ := json.Marshal([]Money{{5}, {100}})
	fmt.Println(string(list))
	ptr, _ := json.Marshal(&e)
	fmt.Println(string(ptr) == string(b))
}
