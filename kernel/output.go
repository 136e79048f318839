package kernel

import (
	"github.com/gocell/gocell/display"
)

// publishOutput turns one display.Output into its IOPub message; a
// retraction becomes the messages that take the display out (retract.go).
func (k *Kernel) publishOutput(parent *Message, o display.Output, count int) {
	if replace, handled := k.shown.note(parent, o); handled {
		for _, r := range replace {
			k.sendOutput(parent, r, count)
		}
		return
	}
	k.sendOutput(parent, o, count)
}

func (k *Kernel) sendOutput(parent *Message, o display.Output, count int) {
	data := map[string]any{}
	for mime, v := range o.Data {
		data[mime] = v
	}
	metadata := o.Metadata
	if metadata == nil {
		metadata = map[string]any{} // JupyterLab requires it
	}
	switch o.Kind {
	case display.Stream:
		name := o.Name
		if name != "stderr" {
			name = "stdout"
		}
		k.publish(parent, "stream", map[string]any{"name": name, "text": o.Text})
	case display.DisplayData, display.UpdateDisplayData:
		content := map[string]any{"data": data, "metadata": metadata}
		if o.DisplayID != "" {
			content["transient"] = map[string]any{"display_id": o.DisplayID}
		}
		if o.Kind == display.UpdateDisplayData && o.DisplayID == "" {
			return // an update needs the id of the display it replaces
		}
		k.publish(parent, string(o.Kind), content)
	case display.ClearOutput:
		k.publish(parent, "clear_output", map[string]any{"wait": o.Wait})
	case display.ExecuteResult:
		k.publish(parent, "execute_result", map[string]any{"execution_count": count, "data": data, "metadata": metadata})
	case display.Error:
		tb := o.Traceback
		if tb == nil {
			tb = []string{}
		}
		k.publish(parent, "error", map[string]any{"ename": o.EName, "evalue": o.EValue, "traceback": tb})
	}
}
