package kernel

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// fuzzSep splits the fuzzer's single byte string into frames. Two bytes, so
// single control characters inside JSON still reach the parser.
const fuzzSep = "\x1f\x1e"

const fuzzKey = "fuzz-key"

func joinFrames(frames [][]byte) []byte { return bytes.Join(frames, []byte(fuzzSep)) }

// FuzzDecode feeds arbitrary frames to Decode. Decode must never panic, and
// whatever it accepts must satisfy the Message guarantees and survive an
// Encode/Decode round trip unchanged.
//
// When resign is set the harness signs the frames itself before decoding with
// a keyed codec, so the fuzzer explores the JSON checks behind a valid
// signature rather than stopping at the HMAC every time.
func FuzzDecode(f *testing.F) {
	seed := func(key string, resign bool, ids [][]byte, header, parent, metadata, content string, buffers ...[]byte) {
		f.Add(joinFrames(signedFrames(key, ids, header, parent, metadata, content, buffers...)), resign)
	}
	client := [][]byte{[]byte("client-1")}
	// Valid signed messages, as a client sends them.
	seed(fuzzKey, false, client, wireHeader, "{}", "{}", wireContent)
	seed(fuzzKey, false, [][]byte{[]byte("a"), {0, 0xff}}, wireHeader, wireHeader, `{"m":[1,2.5e3,null]}`, `{"comm_id":"c","data":{}}`, []byte{1, 2, 3}, nil)
	seed(fuzzKey, false, nil, `{"msg_id":"é","msg_type":"comm_msg","session":"🌍","date":"2024-05-01T12:00:00Z"}`, "null", "", `{"a":"\u2028\ud83c\udf0d"}`)
	// Unsigned and resigned variants reach the JSON checks.
	seed("", false, nil, wireHeader, "{}", "{}", "{}")
	seed("", true, client, wireHeader, "{}", "{}", wireContent)
	seed("", true, nil, `{"msg_id":1,"msg_type":"x"}`, "[]", "{}", "{}")
	seed("", true, nil, wireHeader, `{"a":`, "{}", "{}")
	seed("", true, nil, wireHeader, "{}", "{}", "null")
	seed("", true, nil, wireHeader, "{}", "{}", `{"x":"\x01"}`)
	seed("", true, nil, `{"msg_id":"1","msg_type":"t"}  `, " {} ", "\t{}\n", ` {"k":[{"n":{}}]} `)
	// Broken framing.
	f.Add([]byte(""), false)
	f.Add([]byte(Delimiter), false)
	f.Add(joinFrames([][]byte{[]byte(Delimiter), nil, []byte(wireHeader)}), true)
	f.Add(joinFrames([][]byte{[]byte("id"), []byte(wireHeader), []byte("{}")}), false)
	f.Add([]byte(strings.Repeat("id"+fuzzSep, 70)+Delimiter), false)
	// A forged signature.
	forged := signedFrames(fuzzKey, nil, wireHeader, "{}", "{}", wireContent)
	forged[1] = bytes.Repeat([]byte("0"), 64)
	f.Add(joinFrames(forged), false)

	keyed := mustCodec(f, fuzzKey)
	plain := &Codec{}

	f.Fuzz(func(t *testing.T, data []byte, resign bool) {
		frames := bytes.Split(data, []byte(fuzzSep))
		if resign {
			for i, fr := range frames {
				if string(fr) == Delimiter {
					if len(frames)-i-1 >= 5 {
						r := frames[i+1:]
						r[0] = refSign(fuzzKey, r[1], r[2], r[3], r[4])
					}
					break
				}
			}
		}
		for _, c := range []*Codec{plain, keyed} {
			m, err := c.Decode(frames)
			if err != nil {
				if m != nil {
					t.Fatalf("message returned with error %v", err)
				}
				if !errors.Is(err, ErrNoDelimiter) && !errors.Is(err, ErrBadSignature) &&
					!errors.Is(err, ErrMalformed) && !errors.Is(err, ErrTooLarge) {
					t.Fatalf("error %v wraps no sentinel", err)
				}
				continue
			}
			checkDecoded(t, m)

			// What was accepted must go out and come back the same.
			out, err := keyed.Encode(m)
			if err != nil {
				t.Fatalf("Encode of a decoded message: %v", err)
			}
			back, err := keyed.Decode(out)
			if errors.Is(err, ErrTooLarge) {
				// Re-marshalling may escape characters and grow a header
				// that was near its limit.
				continue
			}
			if err != nil {
				t.Fatalf("Decode of re-encoded message: %v", err)
			}
			if back.Header != m.Header {
				t.Fatalf("header %+v became %+v", m.Header, back.Header)
			}
			if !bytes.Equal(back.ParentHeader, m.ParentHeader) || !bytes.Equal(back.Metadata, m.Metadata) || !bytes.Equal(back.Content, m.Content) {
				t.Fatalf("JSON frames changed in a round trip")
			}
			if !equalFrames(back.Identities, m.Identities) || !equalFrames(back.Buffers, m.Buffers) {
				t.Fatalf("identities or buffers changed in a round trip")
			}
		}
	})
}

// checkDecoded asserts the guarantees Message documents.
func checkDecoded(t *testing.T, m *Message) {
	t.Helper()
	if m.Header.MsgID == "" || m.Header.MsgType == "" {
		t.Fatalf("accepted a header without msg_id or msg_type: %+v", m.Header)
	}
	for name, raw := range map[string]json.RawMessage{
		"header": m.RawHeader, "parent_header": m.ParentHeader, "metadata": m.Metadata, "content": m.Content,
	} {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
			t.Fatalf("%s %q is not a JSON object: %v", name, raw, err)
		}
	}
	if len(m.Identities) > MaxIdentities || len(m.Buffers) > MaxBuffers {
		t.Fatalf("%d identities, %d buffers accepted", len(m.Identities), len(m.Buffers))
	}
	for _, id := range m.Identities {
		if string(id) == Delimiter {
			t.Fatal("the delimiter ended up among the identities")
		}
	}
}
