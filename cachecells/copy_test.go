package cachecells

import (
	"math/big"
	"os"
	"reflect"
	"testing"
	"time"
)

type tree struct {
	Name     string
	Kids     []*tree
	Parent   *tree
	Tags     map[string][]int
	weights  []float64
	Any      any
	When     time.Time
	F        func() int
	Ch       chan int
	Big      *big.Int
	fixed    [2][]int
	siblings *[]*tree
}

func TestDeepCopyIndependent(t *testing.T) {
	ch := make(chan int)
	fn := func() int { return 1 }
	root := &tree{Name: "root", Tags: map[string][]int{"a": {1, 2}}, weights: []float64{1, 2, 3},
		Any: []string{"x"}, When: time.Now(), F: fn, Ch: ch, Big: big.NewInt(7), fixed: [2][]int{{1}, {2}}}
	kid := &tree{Name: "kid", Parent: root}
	root.Kids = []*tree{kid, kid} // aliasing
	kid.siblings = &root.Kids

	c := deepCopy(root).(*tree)
	if !reflect.DeepEqual(c.Name, root.Name) || c == root {
		t.Fatal("copy is not a new equal value")
	}
	if c.Kids[0] != c.Kids[1] {
		t.Error("aliasing inside the value not preserved")
	}
	if c.Kids[0].Parent != c {
		t.Error("cycle not preserved")
	}
	if c.Ch != ch || reflect.ValueOf(c.F).Pointer() != reflect.ValueOf(fn).Pointer() {
		t.Error("channels and funcs should be shared")
	}
	// Mutating the copy leaves the original alone.
	c.Tags["a"][0] = 99
	c.weights[0] = 99
	c.Any.([]string)[0] = "changed"
	c.Kids[0].Name = "changed"
	c.Big.SetInt64(8)
	c.fixed[0][0] = 99
	if root.Tags["a"][0] != 1 || root.weights[0] != 1 || root.Any.([]string)[0] != "x" ||
		root.Kids[0].Name != "kid" || root.Big.Int64() != 7 || root.fixed[0][0] != 1 {
		t.Errorf("original changed through the copy: %+v", root)
	}
	if !c.When.Equal(root.When) {
		t.Error("time changed")
	}
}

func TestDeepCopyFlatIsFree(t *testing.T) {
	type flat struct {
		A int
		B string
		C [4]float64
	}
	x := any(flat{A: 1})
	if allocs := testing.AllocsPerRun(100, func() { _ = deepCopy(x) }); allocs != 0 {
		t.Errorf("copying a flat value allocated %v times", allocs)
	}
}

func TestDeepCopySlicesAndMaps(t *testing.T) {
	src := []float64{1, 2, 3}
	c := deepCopy(src).([]float64)
	c[0] = 9
	if src[0] != 1 {
		t.Error("slice shared")
	}
	m := map[point][]int{{1, 2}: {3}}
	mc := deepCopy(m).(map[point][]int)
	mc[point{1, 2}][0] = 9
	if m[point{1, 2}][0] != 3 {
		t.Error("map value shared")
	}
	var nilMap map[string]int
	if deepCopy(nilMap).(map[string]int) != nil {
		t.Error("nil map became non-nil")
	}
	self := map[string]any{}
	self["me"] = self
	sc := deepCopy(self).(map[string]any)
	if reflect.ValueOf(sc["me"]).Pointer() != reflect.ValueOf(sc).Pointer() {
		t.Error("self-referencing map not preserved")
	}
}

func TestDeepCopyStructOf(t *testing.T) {
	st := reflect.StructOf([]reflect.StructField{
		{Name: "Xitems", Type: reflect.TypeFor[[]int]()},
		{Name: "Name", Type: reflect.TypeFor[string]()},
	})
	v := reflect.New(st).Elem()
	v.Field(0).Set(reflect.ValueOf([]int{1, 2}))
	orig := v.Interface()
	c := deepCopy(orig)
	reflect.ValueOf(c).Field(0).Index(0).SetInt(9)
	if reflect.ValueOf(orig).Field(0).Index(0).Int() != 1 {
		t.Error("StructOf slice field shared")
	}
}

func TestDeepCopySharesOpenFiles(t *testing.T) {
	f, err := os.Open(os.DevNull)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	type holder struct{ F *os.File }
	c := deepCopy(&holder{F: f}).(*holder)
	if c.F != f {
		t.Error("open file was duplicated instead of shared")
	}
}
