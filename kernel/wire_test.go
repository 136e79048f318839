package kernel

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
)

const wireKey = "8c5e4b1f-secret"

// wireHeader is a header as a Jupyter client would send it.
const wireHeader = `{"msg_id":"a1b2","session":"s1","username":"user","date":"2024-05-01T12:00:00.000000Z","msg_type":"execute_request","version":"5.4"}`

// wireContent carries non-ASCII text on purpose: signatures are over bytes,
// and any re-encoding on the way would break them.
const wireContent = `{"code":"fmt.Println(\"héllo, 世界 🌍\")","silent":false}`

// pythonSignature is hmac.new(wireKey, sha256) over wireHeader, {}, {},
// wireContent, computed with Python's hmac module: an independent reference
// for the signature layout.
const pythonSignature = "28d8548c5d9e4edaef2d073fe3e76439edcf441eb4066d2278967f1ffaed697b"

// refSign computes the signature with crypto/hmac directly, independently of
// the codec's pooled states.
func refSign(key string, header, parent, metadata, content []byte) []byte {
	mac := hmac.New(sha256.New, []byte(key))
	for _, f := range [][]byte{header, parent, metadata, content} {
		mac.Write(f)
	}
	return []byte(hex.EncodeToString(mac.Sum(nil)))
}

// signedFrames builds wire frames by hand, signed with key when key is not
// empty, so decode tests do not depend on Encode.
func signedFrames(key string, ids [][]byte, header, parent, metadata, content string, buffers ...[]byte) [][]byte {
	var sig []byte
	if key != "" {
		sig = refSign(key, []byte(header), []byte(parent), []byte(metadata), []byte(content))
	}
	frames := append([][]byte{}, ids...)
	frames = append(frames, []byte(Delimiter), sig, []byte(header), []byte(parent), []byte(metadata), []byte(content))
	return append(frames, buffers...)
}

func mustCodec(t testing.TB, key string) *Codec {
	t.Helper()
	c, err := NewCodec(SignatureScheme, key)
	if err != nil {
		t.Fatalf("NewCodec: %v", err)
	}
	return c
}

func TestNewCodec(t *testing.T) {
	tests := []struct {
		scheme, key string
		wantErr     []string // substrings of the error; nil means success
		signs       bool
	}{
		{scheme: "hmac-sha256", key: "k", signs: true},
		{scheme: "hmac-sha256", key: ""},
		{scheme: "", key: ""},
		{scheme: "", key: "k", signs: true}, // jupyter_client's default scheme
		{scheme: "hmac-md5", key: "k", wantErr: []string{`"hmac-md5"`, `"hmac-sha256"`}},
		{scheme: "HMAC-SHA256", key: "k", wantErr: []string{`"HMAC-SHA256"`, "only"}},
		{scheme: "none", key: "", wantErr: []string{`"none"`}},
	}
	for _, tt := range tests {
		t.Run(tt.scheme+"/"+tt.key, func(t *testing.T) {
			c, err := NewCodec(tt.scheme, tt.key)
			if tt.wantErr != nil {
				if err == nil {
					t.Fatal("want an error")
				}
				for _, s := range tt.wantErr {
					if !strings.Contains(err.Error(), s) {
						t.Errorf("error %q does not mention %s", err, s)
					}
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if c.signs() != tt.signs {
				t.Errorf("signs() = %v, want %v", c.signs(), tt.signs)
			}
		})
	}
}

func TestDecodePythonVector(t *testing.T) {
	frames := [][]byte{[]byte("client-id"), []byte(Delimiter), []byte(pythonSignature),
		[]byte(wireHeader), []byte("{}"), []byte("{}"), []byte(wireContent)}
	m, err := mustCodec(t, wireKey).Decode(frames)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	want := Header{MsgID: "a1b2", Session: "s1", Username: "user", Date: "2024-05-01T12:00:00.000000Z",
		MsgType: "execute_request", Version: "5.4"}
	if m.Header != want {
		t.Errorf("header = %+v, want %+v", m.Header, want)
	}
	if string(m.RawHeader) != wireHeader {
		t.Errorf("RawHeader = %s, want the bytes as received", m.RawHeader)
	}
	var content struct{ Code string }
	if err := json.Unmarshal(m.Content, &content); err != nil || content.Code != `fmt.Println("héllo, 世界 🌍")` {
		t.Errorf("content = %q (%v)", content.Code, err)
	}
	if len(m.Identities) != 1 || string(m.Identities[0]) != "client-id" {
		t.Errorf("identities = %q", m.Identities)
	}

	// The same vector with the signature in upper case: hex is hex.
	frames[2] = []byte(strings.ToUpper(pythonSignature))
	if _, err := mustCodec(t, wireKey).Decode(frames); err != nil {
		t.Errorf("upper-case signature: %v", err)
	}
}

func TestEncodeSignatureMatchesReference(t *testing.T) {
	c := mustCodec(t, wireKey)
	m := &Message{
		Header:       Header{MsgID: "x", MsgType: "status", Session: "s", Version: ProtocolVersion},
		ParentHeader: json.RawMessage(wireHeader),
		Content:      json.RawMessage(`{"execution_state":"busy"}`),
	}
	frames, err := c.Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	if len(frames) != 6 {
		t.Fatalf("got %d frames, want 6", len(frames))
	}
	if string(frames[0]) != Delimiter {
		t.Errorf("frame 0 = %q, want the delimiter", frames[0])
	}
	want := refSign(wireKey, frames[2], frames[3], frames[4], frames[5])
	if !bytes.Equal(frames[1], want) {
		t.Errorf("signature %s, want %s", frames[1], want)
	}
	if string(frames[3]) != wireHeader || string(frames[4]) != "{}" {
		t.Errorf("parent %s metadata %s", frames[3], frames[4])
	}

	// Without a key the signature frame is present but empty.
	frames, err = (&Codec{}).Encode(m)
	if err != nil {
		t.Fatal(err)
	}
	if len(frames[1]) != 0 {
		t.Errorf("unsigned codec wrote signature %q", frames[1])
	}
}

func TestRoundTrip(t *testing.T) {
	parent := &Message{
		Identities: [][]byte{[]byte("router-1"), {0, 1, 2, 0xff}},
		RawHeader:  json.RawMessage(wireHeader),
	}
	tests := []struct {
		name    string
		parent  *Message
		content any
		buffers [][]byte
	}{
		{name: "empty content"},
		{name: "status", parent: parent, content: map[string]string{"execution_state": "idle"}},
		{name: "unicode", parent: parent, content: map[string]any{
			"name": "stdout",
			"text": "héllo 世界 🌍 עברית \u2028 line\nsep\t\x00 nul",
		}},
		{name: "buffers", parent: parent, content: map[string]int{"n": 3}, buffers: [][]byte{
			{}, {0, 0xff, 0xfe, '<', 'I', 'D', 'S'}, []byte(Delimiter), bytes.Repeat([]byte{7}, 100000),
		}},
		{name: "nested", content: map[string]any{
			"data":     map[string]any{"text/plain": "1", "application/json": []any{1, "a", nil, true}},
			"metadata": map[string]any{},
		}},
	}
	for _, key := range []string{"", wireKey} {
		for _, tt := range tests {
			t.Run(fmt.Sprintf("key=%v/%s", key != "", tt.name), func(t *testing.T) {
				c := mustCodec(t, key)
				m, err := NewMessage("stream", "kernel-session", tt.parent, tt.content)
				if err != nil {
					t.Fatal(err)
				}
				m.Buffers = tt.buffers
				frames, err := c.Encode(m)
				if err != nil {
					t.Fatal(err)
				}
				got, err := c.Decode(frames)
				if err != nil {
					t.Fatalf("Decode: %v", err)
				}
				if got.Header != m.Header {
					t.Errorf("header %+v, want %+v", got.Header, m.Header)
				}
				if !bytes.Equal(got.Content, m.Content) {
					t.Errorf("content %s, want %s", got.Content, m.Content)
				}
				if !bytes.Equal(got.ParentHeader, m.ParentHeader) {
					t.Errorf("parent %s, want %s", got.ParentHeader, m.ParentHeader)
				}
				if string(got.Metadata) != "{}" {
					t.Errorf("metadata %s", got.Metadata)
				}
				if !equalFrames(got.Identities, m.Identities) {
					t.Errorf("identities %q, want %q", got.Identities, m.Identities)
				}
				if !equalFrames(got.Buffers, tt.buffers) {
					t.Errorf("buffers differ: got %d, want %d", len(got.Buffers), len(tt.buffers))
				}
				// The received header bytes are what a reply will quote.
				var h Header
				if err := json.Unmarshal(got.RawHeader, &h); err != nil || h != m.Header {
					t.Errorf("RawHeader %s does not match header (%v)", got.RawHeader, err)
				}
			})
		}
	}
}

func equalFrames(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

func TestDecodeErrors(t *testing.T) {
	h, p, md, ct := wireHeader, "{}", "{}", wireContent
	ok := func(key string) [][]byte { return signedFrames(key, nil, h, p, md, ct) }
	withSig := func(sig string) [][]byte {
		f := ok(wireKey)
		f[1] = []byte(sig)
		return f
	}
	ids := func(n int) [][]byte {
		out := make([][]byte, n)
		for i := range out {
			out[i] = []byte{byte(i)}
		}
		return out
	}
	big := bytes.Repeat([]byte("a"), MaxFrameBytes+1)
	maxBuf := big[:MaxFrameBytes]

	tests := []struct {
		name   string
		key    string
		frames [][]byte
		want   error
		msg    string // substring the error must contain
	}{
		{"nil frames", "", nil, ErrNoDelimiter, "0 frames"},
		{"no delimiter", "", [][]byte{[]byte("id"), []byte(h), []byte(p), []byte(md), []byte(ct)}, ErrNoDelimiter, "<IDS|MSG>"},
		{"delimiter prefix only", "", [][]byte{[]byte("<IDS|MSG"), nil, []byte(h), []byte(p), []byte(md), []byte(ct)}, ErrNoDelimiter, ""},
		{"only delimiter", "", [][]byte{[]byte(Delimiter)}, ErrMalformed, "0 frames after"},
		{"four after delimiter", "", ok("")[:5], ErrMalformed, "4 frames after"},
		{"65 identities", "", signedFrames("", ids(65), h, p, md, ct), ErrTooLarge, "more than 64 frames"},
		{"flood without delimiter", "", ids(10000), ErrTooLarge, "before the"},
		{"huge identity", "", signedFrames("", [][]byte{make([]byte, MaxIdentityBytes+1)}, h, p, md, ct), ErrTooLarge, "identity 0"},
		{"too many buffers", "", signedFrames("", nil, h, p, md, ct, ids(MaxBuffers+1)...), ErrTooLarge, "257 buffers"},

		{"forged signature", wireKey, withSig(strings.Repeat("0", 64)), ErrBadSignature, "does not match"},
		{"missing signature", wireKey, withSig(""), ErrBadSignature, "empty"},
		{"short signature", wireKey, withSig("abcd"), ErrBadSignature, "4 characters"},
		{"non-hex signature", wireKey, withSig(strings.Repeat("zz", 32)), ErrBadSignature, "not hex"},
		{"wrong key", wireKey, ok("other-key"), ErrBadSignature, "does not match"},
		{"signed content altered", wireKey, func() [][]byte {
			f := ok(wireKey)
			f[5] = []byte(`{"code":"os.RemoveAll(\"/\")","silent":false}`)
			return f
		}(), ErrBadSignature, ""},
		{"frames swapped", wireKey, func() [][]byte {
			f := ok(wireKey)
			f[3], f[4] = f[4], f[3]
			f[3] = []byte(`{ }`)
			return f
		}(), ErrBadSignature, ""},
		// The signature is checked before any JSON is parsed: garbage that
		// is not signed is a signature error, not a parse error.
		{"unsigned garbage", wireKey, signedFrames("", nil, "{not json", p, md, ct), ErrBadSignature, ""},

		{"header invalid JSON", wireKey, signedFrames(wireKey, nil, `{"msg_id":"1",`, p, md, ct), ErrMalformed, "header"},
		{"header array", "", signedFrames("", nil, `["msg_id"]`, p, md, ct), ErrMalformed, "header: want a JSON object, got an array"},
		{"header null", "", signedFrames("", nil, `null`, p, md, ct), ErrMalformed, "got null"},
		{"header empty", "", signedFrames("", nil, ``, p, md, ct), ErrMalformed, "header: empty frame"},
		{"header no msg_type", "", signedFrames("", nil, `{"msg_id":"1"}`, p, md, ct), ErrMalformed, "no msg_type"},
		{"header no msg_id", "", signedFrames("", nil, `{"msg_type":"execute_request"}`, p, md, ct), ErrMalformed, "no msg_id"},
		{"header wrong type", "", signedFrames("", nil, `{"msg_id":7,"msg_type":"x"}`, p, md, ct), ErrMalformed, "msg_id"},
		{"header trailing data", "", signedFrames("", nil, wireHeader+`x`, p, md, ct), ErrMalformed, "header"},

		{"parent invalid JSON", wireKey, signedFrames(wireKey, nil, h, `{"a":}`, md, ct), ErrMalformed, "parent_header: invalid JSON"},
		{"parent array", "", signedFrames("", nil, h, `[]`, md, ct), ErrMalformed, "parent_header: want a JSON object, got an array"},
		{"parent string", "", signedFrames("", nil, h, `"x"`, md, ct), ErrMalformed, "got a string"},
		{"metadata invalid JSON", "", signedFrames("", nil, h, p, `{`, ct), ErrMalformed, "metadata: invalid JSON"},
		{"metadata number", "", signedFrames("", nil, h, p, `42`, ct), ErrMalformed, "metadata: want a JSON object, got a number"},
		{"metadata bool", "", signedFrames("", nil, h, p, `true`, ct), ErrMalformed, "got a boolean"},

		{"content invalid JSON", wireKey, signedFrames(wireKey, nil, h, p, md, `{"code":"x"`), ErrMalformed, "content: invalid JSON"},
		{"content null", "", signedFrames("", nil, h, p, md, `null`), ErrMalformed, "content: want a JSON object, got null"},
		{"content empty", "", signedFrames("", nil, h, p, md, ``), ErrMalformed, "content: empty frame"},
		{"content array", "", signedFrames("", nil, h, p, md, `[{}]`), ErrMalformed, "content: want a JSON object, got an array"},
		{"content garbage", "", signedFrames("", nil, h, p, md, "\x00\x01"), ErrMalformed, "not JSON"},
		{"content two objects", "", signedFrames("", nil, h, p, md, `{}{}`), ErrMalformed, "content: invalid JSON"},
		{"content bad escape", "", signedFrames("", nil, h, p, md, `{"a":"\x"}`), ErrMalformed, "content"},

		{"oversized signature", "", withSig(strings.Repeat("a", MaxHeaderBytes+1)), ErrTooLarge, "signature is 65537 bytes"},
		{"oversized header", "", signedFrames("", nil, `{"msg_id":"1","msg_type":"x","pad":"`+strings.Repeat("a", MaxHeaderBytes)+`"}`, p, md, ct), ErrTooLarge, "header is"},
		{"oversized parent", "", signedFrames("", nil, h, `{"pad":"`+strings.Repeat("a", MaxHeaderBytes)+`"}`, md, ct), ErrTooLarge, "parent_header is"},
		{"oversized metadata", "", func() [][]byte { f := ok(""); f[4] = big; return f }(), ErrTooLarge, "metadata is 67108865 bytes, limit 67108864"},
		{"oversized content", "", func() [][]byte { f := ok(""); f[5] = big; return f }(), ErrTooLarge, "content is 67108865 bytes"},
		{"oversized buffer", "", signedFrames("", nil, h, p, md, ct, []byte("x"), big), ErrTooLarge, "buffer 1 is"},
		{"oversized total", "", signedFrames("", nil, h, p, md, ct, maxBuf, maxBuf, maxBuf, maxBuf), ErrTooLarge, "add up"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := mustCodec(t, tt.key).Decode(tt.frames)
			if err == nil {
				t.Fatalf("Decode succeeded with %+v, want %v", m, tt.want)
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("error %q is not %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not say %q", err, tt.msg)
			}
			if m != nil {
				t.Errorf("message returned with an error")
			}
		})
	}
}

func TestDecodeLimitsInclusive(t *testing.T) {
	ids := make([][]byte, MaxIdentities)
	for i := range ids {
		ids[i] = bytes.Repeat([]byte{byte(i)}, MaxIdentityBytes)
	}
	buffers := make([][]byte, MaxBuffers)
	frames := signedFrames(wireKey, ids, wireHeader, "{}", "{}", wireContent, buffers...)
	m, err := mustCodec(t, wireKey).Decode(frames)
	if err != nil {
		t.Fatalf("a message exactly at the limits must decode: %v", err)
	}
	if len(m.Identities) != MaxIdentities || len(m.Buffers) != MaxBuffers {
		t.Errorf("got %d identities, %d buffers", len(m.Identities), len(m.Buffers))
	}
}

func TestDecodeLenient(t *testing.T) {
	tests := []struct {
		name, parent, metadata string
		wantParent, wantMeta   string
	}{
		{"null parent and metadata", "null", "null", "{}", "{}"},
		{"empty frames", "", "", "{}", "{}"},
		{"whitespace", " \n", "\t null ", "{}", "{}"},
		{"objects kept verbatim", ` {"msg_id": "p"} `, `{"a": [1, 2]}`, ` {"msg_id": "p"} `, `{"a": [1, 2]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := mustCodec(t, wireKey).Decode(signedFrames(wireKey, nil, wireHeader, tt.parent, tt.metadata, `{}`))
			if err != nil {
				t.Fatal(err)
			}
			if string(m.ParentHeader) != tt.wantParent || string(m.Metadata) != tt.wantMeta {
				t.Errorf("parent %q metadata %q", m.ParentHeader, m.Metadata)
			}
		})
	}
}

func TestDecodeUnsignedCodecIgnoresSignature(t *testing.T) {
	// With no key the signature frame is not looked at, whatever it holds.
	for _, sig := range []string{"", "garbage", strings.Repeat("f", 64)} {
		frames := signedFrames("", nil, wireHeader, "{}", "{}", "{}")
		frames[1] = []byte(sig)
		if _, err := (&Codec{}).Decode(frames); err != nil {
			t.Errorf("signature %q: %v", sig, err)
		}
		var nilCodec *Codec
		if _, err := nilCodec.Decode(frames); err != nil {
			t.Errorf("nil codec, signature %q: %v", sig, err)
		}
	}
}

func TestDecodeIdentitiesAndBuffers(t *testing.T) {
	ids := [][]byte{{}, []byte("a"), {0, 0xff}, []byte("<IDS|MSG"), []byte("x")}
	bufs := [][]byte{[]byte(Delimiter), {}, {1, 2, 3}}
	m, err := mustCodec(t, wireKey).Decode(signedFrames(wireKey, ids, wireHeader, "{}", "{}", "{}", bufs...))
	if err != nil {
		t.Fatal(err)
	}
	if !equalFrames(m.Identities, ids) {
		t.Errorf("identities %q", m.Identities)
	}
	if !equalFrames(m.Buffers, bufs) {
		t.Errorf("buffers %q", m.Buffers)
	}
	// Appending to the decoded slices must not clobber the frames behind them.
	frames := signedFrames(wireKey, ids, wireHeader, "{}", "{}", "{}", bufs...)
	m, _ = mustCodec(t, wireKey).Decode(frames)
	_ = append(m.Identities, []byte("new"))
	if string(frames[len(ids)]) != Delimiter {
		t.Error("appending to Identities overwrote the delimiter frame")
	}

	// No identities (messages from a SUB or DEALER-less path) and no buffers.
	m, err = mustCodec(t, "").Decode(signedFrames("", nil, wireHeader, "{}", "{}", "{}"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Identities != nil || m.Buffers != nil {
		t.Errorf("identities %q buffers %q, want nil", m.Identities, m.Buffers)
	}
}

func TestDecodeFirstDelimiterWins(t *testing.T) {
	// A delimiter among the buffers belongs to the payload.
	frames := signedFrames("", [][]byte{[]byte("id")}, wireHeader, "{}", "{}", "{}", []byte(Delimiter))
	m, err := (&Codec{}).Decode(frames)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Identities) != 1 || len(m.Buffers) != 1 {
		t.Errorf("identities %q buffers %q", m.Identities, m.Buffers)
	}
}

func TestEncode(t *testing.T) {
	base := func() *Message {
		return &Message{Header: Header{MsgID: "1", MsgType: "status", Session: "s", Version: ProtocolVersion}}
	}
	tests := []struct {
		name                  string
		edit                  func(*Message)
		want                  error
		msg                   string
		parent, meta, content string
	}{
		{name: "nil fields become {}", edit: func(*Message) {}, parent: "{}", meta: "{}", content: "{}"},
		{name: "empty fields become {}", edit: func(m *Message) {
			m.ParentHeader, m.Metadata, m.Content = json.RawMessage{}, json.RawMessage(" "), json.RawMessage("null")
		}, parent: "{}", meta: "{}", content: "{}"},
		{name: "fields kept", edit: func(m *Message) {
			m.ParentHeader, m.Metadata, m.Content = json.RawMessage(wireHeader), json.RawMessage(`{"m":1}`), json.RawMessage(wireContent)
		}, parent: wireHeader, meta: `{"m":1}`, content: wireContent},
		{name: "content array", edit: func(m *Message) { m.Content = json.RawMessage(`[1]`) }, want: ErrMalformed, msg: "content must be a JSON object, got an array"},
		{name: "metadata string", edit: func(m *Message) { m.Metadata = json.RawMessage(`"x"`) }, want: ErrMalformed, msg: "metadata must be"},
		{name: "parent truncated", edit: func(m *Message) { m.ParentHeader = json.RawMessage(`{"a":1`) }, want: ErrMalformed, msg: "parent_header"},
		{name: "no msg_type", edit: func(m *Message) { m.Header.MsgType = "" }, want: ErrMalformed, msg: "msg_type"},
		{name: "no msg_id", edit: func(m *Message) { m.Header.MsgID = "" }, want: ErrMalformed, msg: "msg_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := base()
			tt.edit(m)
			frames, err := mustCodec(t, wireKey).Encode(m)
			if tt.want != nil {
				if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.msg) {
					t.Fatalf("error %v, want %v mentioning %q", err, tt.want, tt.msg)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := [3]string{string(frames[3]), string(frames[4]), string(frames[5])}; got != [3]string{tt.parent, tt.meta, tt.content} {
				t.Errorf("parent, metadata, content = %q", got)
			}
		})
	}
	if _, err := (&Codec{}).Encode(nil); !errors.Is(err, ErrMalformed) {
		t.Errorf("Encode(nil) = %v", err)
	}
}

func TestEncodeDoesNotModifyMessage(t *testing.T) {
	m := &Message{
		Identities: [][]byte{[]byte("id")},
		Header:     Header{MsgID: "1", MsgType: "status"},
		Buffers:    [][]byte{[]byte("b")},
	}
	if _, err := mustCodec(t, wireKey).Encode(m); err != nil {
		t.Fatal(err)
	}
	if m.ParentHeader != nil || m.Metadata != nil || m.Content != nil || m.RawHeader != nil {
		t.Errorf("Encode filled in fields: %+v", m)
	}
	if len(m.Identities) != 1 || len(m.Buffers) != 1 {
		t.Errorf("Encode changed identities or buffers")
	}
}

func TestNewMessage(t *testing.T) {
	request, err := mustCodec(t, wireKey).Decode([][]byte{[]byte("client"), []byte(Delimiter), []byte(pythonSignature),
		[]byte(wireHeader), []byte("{}"), []byte("{}"), []byte(wireContent)})
	if err != nil {
		t.Fatal(err)
	}
	before := time.Now().UTC()
	m, err := NewMessage("execute_reply", "kernel-session", request, map[string]any{"status": "ok", "execution_count": 1})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := uuid.Parse(m.Header.MsgID); err != nil {
		t.Errorf("msg_id %q is not a uuid: %v", m.Header.MsgID, err)
	}
	if m.Header.Session != "kernel-session" || m.Header.Username != "gocell" || m.Header.Version != "5.4" || m.Header.MsgType != "execute_reply" {
		t.Errorf("header %+v", m.Header)
	}
	if !strings.HasSuffix(m.Header.Date, "Z") {
		t.Errorf("date %q is not UTC with Z", m.Header.Date)
	}
	date, err := time.Parse(time.RFC3339Nano, m.Header.Date)
	if err != nil || date.Before(before.Add(-time.Second)) || date.After(time.Now().Add(time.Second)) {
		t.Errorf("date %q: %v", m.Header.Date, err)
	}
	if string(m.ParentHeader) != wireHeader {
		t.Errorf("parent_header %s, want the request's header bytes unchanged", m.ParentHeader)
	}
	if string(m.Metadata) != "{}" {
		t.Errorf("metadata %s", m.Metadata)
	}
	if string(m.Content) != `{"execution_count":1,"status":"ok"}` {
		t.Errorf("content %s", m.Content)
	}
	var h Header
	if err := json.Unmarshal(m.RawHeader, &h); err != nil || h != m.Header {
		t.Errorf("RawHeader %s does not match Header", m.RawHeader)
	}
	// Identities are copied, not shared with the request.
	if len(m.Identities) != 1 || string(m.Identities[0]) != "client" {
		t.Fatalf("identities %q", m.Identities)
	}
	request.Identities[0][0] = 'X'
	if string(m.Identities[0]) != "client" {
		t.Error("identities share memory with the request")
	}

	other, _ := NewMessage("status", "kernel-session", nil, nil)
	if other.Header.MsgID == m.Header.MsgID {
		t.Error("two messages share a msg_id")
	}
}

func TestNewMessageContent(t *testing.T) {
	type reply struct {
		Status string `json:"status"`
	}
	var nilMap map[string]any
	var nilPtr *reply
	tests := []struct {
		name    string
		content any
		want    string
		wantErr string
	}{
		{name: "nil", content: nil, want: "{}"},
		{name: "nil map", content: nilMap, want: "{}"},
		{name: "nil pointer", content: nilPtr, want: "{}"},
		{name: "struct", content: reply{"ok"}, want: `{"status":"ok"}`},
		{name: "raw", content: json.RawMessage(`{"a": 1}`), want: `{"a":1}`},
		{name: "unicode", content: map[string]string{"text": "日本語 🎉"}, want: `{"text":"日本語 🎉"}`},
		{name: "slice", content: []int{1}, wantErr: "must marshal to a JSON object, got an array"},
		{name: "string", content: "x", wantErr: "got a string"},
		{name: "unmarshalable", content: map[string]any{"c": make(chan int)}, wantErr: "content"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := NewMessage("x", "s", nil, tt.content)
			if tt.wantErr != "" {
				if !errors.Is(err, ErrMalformed) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error %v, want one mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(m.Content) != tt.want {
				t.Errorf("content %s, want %s", m.Content, tt.want)
			}
			if string(m.ParentHeader) != "{}" || m.Identities != nil {
				t.Errorf("no parent: parent_header %s identities %q", m.ParentHeader, m.Identities)
			}
		})
	}
	if _, err := NewMessage("", "s", nil, nil); !errors.Is(err, ErrMalformed) {
		t.Errorf("empty msg_type: %v", err)
	}
}

func TestNewMessageParentWithoutRawHeader(t *testing.T) {
	parent := &Message{Header: Header{MsgID: "p1", MsgType: "kernel_info_request"}}
	m, err := NewMessage("kernel_info_reply", "s", parent, nil)
	if err != nil {
		t.Fatal(err)
	}
	var h Header
	if err := json.Unmarshal(m.ParentHeader, &h); err != nil || h != parent.Header {
		t.Errorf("parent_header %s", m.ParentHeader)
	}
	// An empty parent is the same as none.
	m, _ = NewMessage("status", "s", &Message{}, nil)
	if string(m.ParentHeader) != "{}" {
		t.Errorf("parent_header %s", m.ParentHeader)
	}
}

func TestCodecConcurrent(t *testing.T) {
	// Shell, control and stdin goroutines share one codec; run under -race.
	c := mustCodec(t, wireKey)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				m, err := NewMessage("stream", "s", nil, map[string]any{"g": g, "i": i})
				if err != nil {
					t.Error(err)
					return
				}
				frames, err := c.Encode(m)
				if err != nil {
					t.Error(err)
					return
				}
				got, err := c.Decode(frames)
				if err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(got.Content, m.Content) {
					t.Errorf("content %s, want %s", got.Content, m.Content)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func BenchmarkRoundTrip(b *testing.B) {
	request := &Message{Identities: [][]byte{[]byte("client-identity")}, RawHeader: json.RawMessage(wireHeader)}
	image := strings.Repeat("iVBORw0KGgoAAAANSUhEUgAA", 1<<20/24)
	cases := []struct {
		name    string
		key     string
		content any
	}{
		{"small/signed", wireKey, map[string]string{"name": "stdout", "text": "hello, world\n"}},
		{"small/unsigned", "", map[string]string{"name": "stdout", "text": "hello, world\n"}},
		{"1MiB/signed", wireKey, map[string]any{"data": map[string]string{"image/png": image}, "metadata": map[string]any{}}},
	}
	for _, bc := range cases {
		b.Run(bc.name, func(b *testing.B) {
			c := mustCodec(b, bc.key)
			m, err := NewMessage("stream", "kernel-session", request, bc.content)
			if err != nil {
				b.Fatal(err)
			}
			frames, _ := c.Encode(m)
			size := 0
			for _, f := range frames {
				size += len(f)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				frames, err := c.Encode(m)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := c.Decode(frames); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
