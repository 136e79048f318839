package main

import (
	"encoding/json"
	"fmt"
)

type Address struct {
	City string `json:"city"`
	Zip  string `json:"zip,omitempty"`
}

type User struct {
	ID       int               `json:"id"`
	Name     string            `json:"name"`
	Email    string            `json:"email,omitempty"`
	Password string            `json:"-"`
	Age      int               `json:"age,string"`
	Admin    bool              `json:"is_admin"`
	Addr     *Address          `json:"address,omitempty"`
	Tags     []string          `json:"tags"`
	Meta     map[string]string `json:"meta,omitempty"`
	note     string
}

func main() {
	u := User{ID: 1, Name: "Ann", Password: "secret", Age: 30, note: "hidden"}
	b, err := json.Marshal(u)
	fmt.Println(string(b), err)
	u.Addr = &Address{City: "Oslo"}
	u.Tags = []string{"a"}
	u.Meta = map[string]string{"z": "1", "a": "2"}
	b, _ = json.MarshalIndent(u, "", "  ")
	fmt.Println(string(b))
	var back User
	err = json.Unmarshal([]byte(`{"id":7,"name":"Bo","age":"41","is_admin":true,"address":{"city":"Rome","zip":"001"},"extra":1}`), &back)
	fmt.Println(err)
	fmt.Printf("%+v %+v\n", back.Addr, back.Age)
	fmt.Println(back.ID, back.Name, back.Admin, back.Tags == nil)
	var generic map[string]any
	json.Unmarshal(b, &generic)
	fmt.Println(generic["name"], generic["id"], generic["address"])
	fmt.Printf("%T %T\n", generic["id"], generic["tags"])
	err = json.Unmarshal([]byte(`{"id":"x"}`), &back)
	fmt.Println(err)
}
