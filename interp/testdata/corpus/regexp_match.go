package main

import (
	"fmt"
	"regexp"
)

func main() {
	re := regexp.MustCompile(`(\w+)@(\w+)\.com`)
	text := "contact bob@example.com or alice@test.com today"
	fmt.Println(re.MatchString(text))
	fmt.Println(re.FindAllString(text, -1))
	for _, m := range re.FindAllStringSubmatch(text, -1) {
		fmt.Println("user", m[1], "domain", m[2])
	}
	fmt.Println(re.ReplaceAllString(text, "<$1 at $2>"))
	date := regexp.MustCompile(`(?P<y>\d{4})-(?P<m>\d{2})`)
	m := date.FindStringSubmatch("due 2024-03")
	fmt.Println(m[date.SubexpIndex("y")], m[date.SubexpIndex("m")])
}
