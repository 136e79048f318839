package names

import "testing"

func TestResetNotesTakesBackWhatAChunkTaught(t *testing.T) {
	var r Registry
	r.NoteVarHints("var kept float64")
	r.Facts().SetVar("kept", KindOther)
	m := r.MarkNotes()
	r.NoteVarHints("var n int")
	r.Facts().SetVar("n", KindInt)
	r.Facts().SetVar("kept", KindInt)
	r.Facts().AddMethod("M", FuncInfo{Results: 1})
	r.ResetNotes(m)
	if _, ok := r.VarHint("n"); ok {
		t.Error("the hint of the failed chunk's variable survived")
	}
	if h, _ := r.VarHint("kept"); h != "float64" {
		t.Errorf("kept's hint = %q", h)
	}
	if r.Facts().HasVar("n") || r.Facts().VarKind("kept") != KindOther {
		t.Error("facts were not put back")
	}
	if _, ok := r.Facts().Method("M"); ok {
		t.Error("the failed chunk's method survived")
	}
	// Changing the registry after a reset does not change the mark.
	r.Facts().SetVar("kept", KindInt)
	r.ResetNotes(m)
	if r.Facts().VarKind("kept") != KindOther {
		t.Error("a mark can be put back twice")
	}
}
