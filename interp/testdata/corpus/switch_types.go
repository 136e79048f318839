package main

import (
	"fmt"
	"strings"
)

type Temp float64

func classify(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", x)
	case string:
		return "string of " + fmt.Sprint(len(x))
	case []int:
		return fmt.Sprintf("ints %v", x)
	case error:
		return "error " + x.Error()
	case fmt.Stringer:
		return "stringer " + x.String()
	default:
		return fmt.Sprintf("other %v", x)
	}
}

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	default:
		return "C"
	}
}

func main() {
	for _, v := range []any{1, "abc", nil, []int{1}, fmt.Errorf("boom"), 2.5, &strings.Builder{}} {
		fmt.Println(classify(v))
	}
	fmt.Println(grade(95), grade(85), grade(10))
	switch day := 3; day {
	case 1, 7:
		fmt.Println("weekend")
	case 2, 3, 4, 5, 6:
		fmt.Println("weekday")
		fallthrough
	case 8:
		fmt.Println("fell through")
	}
}
