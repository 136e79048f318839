package names

// ConstValue returns the exact value of a notebook integer constant as the
// rewrite computed it (a decimal integer), or "".
func (t *Facts) ConstValue(name string) string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.consts[name]
}

// SetConstValue records the exact value of a notebook integer constant;
// "" forgets it (the name now means something else).
func (t *Facts) SetConstValue(name, value string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.consts == nil {
		t.consts = map[string]string{}
	}
	if value == "" {
		delete(t.consts, name)
		return
	}
	t.consts[name] = value
}

// HasConstValues reports whether any constant value is recorded.
func (t *Facts) HasConstValues() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.consts) > 0
}
