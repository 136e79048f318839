package display

import "sync"

// Renderers registered by packages that know how to show values of types
// this package cannot name (it imports only the standard library): the
// executor's bundled packages register plots and matrices.
var renderers struct {
	sync.RWMutex
	list []func(v any) MIMEBundle
}

// RegisterRenderer adds r to the renderers Render consults. r returns the
// bundle for v, or nil when v is not a value it shows. Render asks the
// renderers, in the order they were registered, after a value's own display
// methods and before its String method and the built-in forms, so that a
// registered renderer can show a type of another package that has a String
// or Format method.
func RegisterRenderer(r func(v any) MIMEBundle) {
	renderers.Lock()
	defer renderers.Unlock()
	renderers.list = append(renderers.list, r)
}

// registeredBundle returns the first bundle a registered renderer makes of
// v, or nil.
func registeredBundle(v any) MIMEBundle {
	renderers.RLock()
	list := renderers.list
	renderers.RUnlock()
	for _, r := range list {
		if b := r(v); len(b) > 0 {
			return b
		}
	}
	return nil
}
