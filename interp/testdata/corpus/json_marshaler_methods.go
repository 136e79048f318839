package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Status int

const (
	Active Status = iota + 1
	Suspended
)

func (s Status) MarshalJSON() ([]byte, error) {
	return json.Marshal(strings.ToLower(s.String()))
}

func (s *Status) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return err
	}
	switch str {
	case "active":
		*s = Active
	case "suspended":
		*s = Suspended
	default:
		return fmt.Errorf("unknown status %q", str)
	}
	return nil
}

func (s Status) String() string {
	switch s {
	case Active:
		return "Active"
	case Suspended:
		return "Suspended"
	}
	return "Unknown"
}

type Account struct {
	Name   string   `json:"name"`
	Status Status   `json:"status"`
	Past   []Status `json:"past"`
}

type Level string

func (l Level) MarshalText() ([]byte, error) { return []byte("L-" + string(l)), nil }

func main() {
	a := Account{"ann", Active, []Status{Suspended, Active}}
	b, err := json.Marshal(a)
	fmt.Println(string(b), err)
	b, _ = json.Marshal(Suspended)
	fmt.Println(string(b))
	var back Account
	err = json.Unmarshal([]byte(`{"name":"bo","status":"suspended","past":["active"]}`), &back)
	fmt.Println(back.Name, back.Status, back.Past, err)
	fmt.Printf("%d %v\n", back.Status, back.Status)
	err = json.Unmarshal([]byte(`{"status":"gone"}`), &back)
	fmt.Println(err)
	m := map[Level]int{"x": 1}
	b, _ = json.Marshal(m)
	fmt.Println(string(b))
}
