package interp

import "testing"

// Focused fidelity tests for scope, constants and statement forms that
// yaegi v0.16.1 gets wrong on its own (each fixed by a rewrite, or refused
// with an error naming the construct).

func TestFidelityRVScope(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "redeclared from itself", cells: []string{`import "fmt"`, `x := 5`, `x := x + 1
fmt.Println(x)`}, want: "6\n"},
		{name: "swap by redeclaration", cells: []string{`import "fmt"`, `var a, b = "A", "B"`, `a, b := b, a
fmt.Println(a, b)`}, want: "B A\n"},
		{name: "append redeclared", cells: []string{`import "fmt"`, `data := []int{1}`, `data := append(data, 2)
fmt.Println(data, len(data))`}, want: "[1 2] 2\n"},
		{name: "redeclared with a new variable", cells: []string{`import "strconv"`, `n := 5`, `n, err := strconv.Atoi(strconv.Itoa(n))`},
			errWant: "reads the notebook variable n it declares again"},
	})
}
