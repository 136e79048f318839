package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

type Event struct {
	Kind  string  `json:"kind"`
	Value float64 `json:"value"`
}

const input = `{"kind":"temp","value":21.5}
{"kind":"hum","value":40}
{"kind":"temp","value":19.25}`

func main() {
	dec := json.NewDecoder(strings.NewReader(input))
	var events []Event
	for {
		var ev Event
		if err := dec.Decode(&ev); err == io.EOF {
			break
		} else if err != nil {
			fmt.Println("error:", err)
			return
		}
		events = append(events, ev)
	}
	fmt.Println(len(events), events)
	enc := json.NewEncoder(os.Stdout)
	for _, ev := range events {
		if ev.Kind == "temp" {
			enc.Encode(ev)
		}
	}
	var buf bytes.Buffer
	enc2 := json.NewEncoder(&buf)
	enc2.SetIndent("", " ")
	enc2.Encode(map[string][]Event{"all": events[:1]})
	fmt.Print(buf.String())
	var arr []Event
	err := json.NewDecoder(&buf).Decode(&struct{ All *[]Event }{&arr})
	fmt.Println(err, arr)
	sum := 0.0
	for _, e := range events {
		sum += e.Value
	}
	fmt.Printf("avg %.3f\n", sum/float64(len(events)))
}
