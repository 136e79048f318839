package rewrite

// renderExpr is render over an expression that moves elsewhere: with the
// insertions at its end too (the closing parenthesis of a wrapper around
// it), which render leaves to what follows. Left behind inside a replaced
// range, they would overlap the replacement, and every rewrite of the
// chunk would be dropped.
func (r *rewriter) renderExpr(start, end int) string {
	s := r.render(start, end)
	var rest []srcEdit
	for _, e := range r.edits {
		if e.start == end && e.end == end {
			s += e.text
		} else {
			rest = append(rest, e)
		}
	}
	r.edits = rest
	return s
}
