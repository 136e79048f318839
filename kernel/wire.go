// Wire format of Jupyter messages: framing, HMAC signatures and the
// structural checks every inbound message passes before the kernel trusts it.

package kernel

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"sync"
	"time"

	"github.com/google/uuid"
)

// ProtocolVersion is the Jupyter messaging protocol version gocell speaks.
// It goes into the header of every message the kernel sends.
const ProtocolVersion = "5.4"

// SignatureScheme is the only HMAC scheme gocell supports. Jupyter front ends
// use it by default.
const SignatureScheme = "hmac-sha256"

// Limits applied by Decode. They exist so that a misbehaving or hostile peer
// cannot make the kernel parse or hold arbitrarily large inputs; legitimate
// front ends stay far below them.
const (
	// MaxIdentities bounds the routing identities before the delimiter.
	// A ROUTER socket adds one per hop; real messages carry one or two.
	MaxIdentities = 64
	// MaxIdentityBytes bounds one identity frame. ZMTP caps identities at
	// 255 bytes; the slack tolerates unusual intermediaries.
	MaxIdentityBytes = 1 << 10
	// MaxHeaderBytes bounds the signature, header and parent_header frames,
	// which hold a handful of short strings.
	MaxHeaderBytes = 64 << 10
	// MaxFrameBytes bounds the metadata and content frames and each buffer.
	MaxFrameBytes = 64 << 20
	// MaxBuffers bounds the number of binary buffers after the content.
	MaxBuffers = 256
	// MaxMessageBytes bounds the sum of all frames of one message.
	MaxMessageBytes = 256 << 20
)

// Delimiter separates the routing identities from the signed part of a
// message.
const Delimiter = "<IDS|MSG>"

// Sentinel errors returned (wrapped, with the specific reason) by Decode and
// Encode. Test for them with errors.Is.
var (
	// ErrNoDelimiter means no <IDS|MSG> frame was found.
	ErrNoDelimiter = errors.New("no <IDS|MSG> delimiter frame")
	// ErrBadSignature means the signature is missing, not hex, or does not
	// match the HMAC of the message under the session key.
	ErrBadSignature = errors.New("bad message signature")
	// ErrMalformed means a frame is missing or is not the JSON it must be.
	ErrMalformed = errors.New("malformed message")
	// ErrTooLarge means a frame, or the number of frames, exceeds a limit.
	ErrTooLarge = errors.New("message too large")
)

// Header is a Jupyter message header.
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// Message is one decoded Jupyter message.
//
// A message returned by Decode aliases the frames it was decoded from: the
// raw JSON fields, identities and buffers share their bytes, which avoids
// copying large content. Do not modify the frames afterwards.
type Message struct {
	Identities   [][]byte        // ZMQ routing identities before the <IDS|MSG> delimiter
	Header       Header          // decoded header; Encode serialises this, not RawHeader
	RawHeader    json.RawMessage // header exactly as received; becomes parent_header of replies
	ParentHeader json.RawMessage // always a JSON object ({} when empty)
	Metadata     json.RawMessage // always a JSON object
	Content      json.RawMessage // always a JSON object
	Buffers      [][]byte        // binary buffers after the content, kept as received
	// Signature is the verified HMAC of a message decoded by a codec with a
	// key (nil without a key); a DigestHistory uses it to spot replays.
	Signature []byte
}

// Codec signs and verifies messages. The zero value (no key) neither signs nor
// verifies. A Codec is safe for concurrent use.
type Codec struct {
	key []byte
	// macs recycles HMAC states: hmac.New allocates and hashes the key
	// twice, which would otherwise dominate small messages.
	macs *sync.Pool
}

// emptyObject is what nil or empty parent_header, metadata and content become:
// the protocol requires objects there, never null.
var emptyObject = json.RawMessage("{}")

// NewCodec returns a codec for a connection file's signature_scheme and key.
//
// An empty key disables signing and verification, as Jupyter does. The only
// supported scheme is hmac-sha256; an empty scheme is taken as hmac-sha256,
// matching jupyter_client's default.
func NewCodec(scheme, key string) (*Codec, error) {
	if scheme != SignatureScheme && scheme != "" {
		return nil, fmt.Errorf("unsupported signature scheme %q: gocell supports only %q", scheme, SignatureScheme)
	}
	if key == "" {
		return &Codec{}, nil
	}
	k := []byte(key)
	return &Codec{
		key:  k,
		macs: &sync.Pool{New: func() any { return hmac.New(sha256.New, k) }},
	}, nil
}

// signs reports whether the codec has a key.
func (c *Codec) signs() bool { return c != nil && len(c.key) > 0 }

// sign returns the raw HMAC-SHA256 of the four JSON frames, in protocol
// order. It appends to dst to let callers avoid an allocation.
func (c *Codec) sign(dst []byte, header, parent, metadata, content []byte) []byte {
	mac := c.macs.Get().(hash.Hash)
	mac.Reset()
	mac.Write(header)
	mac.Write(parent)
	mac.Write(metadata)
	mac.Write(content)
	dst = mac.Sum(dst)
	c.macs.Put(mac)
	return dst
}

// Decode parses the frames of one message received on a ROUTER or SUB
// socket: [identities...] <IDS|MSG> signature header parent_header metadata
// content [buffers...].
//
// Every check happens before any JSON is parsed from an unauthenticated
// frame: sizes first, then the signature (when the codec has a key), then the
// JSON structure. Errors wrap ErrNoDelimiter, ErrBadSignature, ErrMalformed
// or ErrTooLarge and say which frame is at fault.
func (c *Codec) Decode(frames [][]byte) (*Message, error) {
	delim := -1
	for i, f := range frames {
		if string(f) == Delimiter {
			delim = i
			break
		}
		// Stop early so a flood of frames without a delimiter costs no more
		// than the identity limit.
		if i >= MaxIdentities {
			return nil, fmt.Errorf("%w: more than %d frames before the %s delimiter", ErrTooLarge, MaxIdentities, Delimiter)
		}
	}
	if delim < 0 {
		return nil, fmt.Errorf("%w (got %d frames)", ErrNoDelimiter, len(frames))
	}
	rest := frames[delim+1:]
	if len(rest) < 5 {
		return nil, fmt.Errorf("%w: %d frames after the %s delimiter, need at least 5 (signature, header, parent_header, metadata, content)",
			ErrMalformed, len(rest), Delimiter)
	}
	if n := len(rest) - 5; n > MaxBuffers {
		return nil, fmt.Errorf("%w: %d buffers, limit %d", ErrTooLarge, n, MaxBuffers)
	}

	total := 0
	for i, id := range frames[:delim] {
		if len(id) > MaxIdentityBytes {
			return nil, fmt.Errorf("%w: identity %d is %d bytes, limit %d", ErrTooLarge, i, len(id), MaxIdentityBytes)
		}
		total += len(id)
	}
	for i, f := range rest {
		limit := MaxFrameBytes
		if i < 3 {
			limit = MaxHeaderBytes
		}
		if len(f) > limit {
			return nil, fmt.Errorf("%w: %s is %d bytes, limit %d", ErrTooLarge, frameName(i), len(f), limit)
		}
		total += len(f)
		if total > MaxMessageBytes {
			return nil, fmt.Errorf("%w: frames add up to more than %d bytes", ErrTooLarge, MaxMessageBytes)
		}
	}

	sig, header, parent, metadata, content := rest[0], rest[1], rest[2], rest[3], rest[4]
	var verified []byte
	if c.signs() {
		if len(sig) == 0 {
			return nil, fmt.Errorf("%w: signature frame is empty but the connection has a key", ErrBadSignature)
		}
		if len(sig) != 2*sha256.Size {
			return nil, fmt.Errorf("%w: signature is %d characters, want %d hex digits", ErrBadSignature, len(sig), 2*sha256.Size)
		}
		var got [sha256.Size]byte
		if _, err := hex.Decode(got[:], sig); err != nil {
			return nil, fmt.Errorf("%w: signature is not hex: %v", ErrBadSignature, err)
		}
		var buf [sha256.Size]byte
		want := c.sign(buf[:0], header, parent, metadata, content)
		// Constant time, so the comparison leaks nothing about the key.
		if !hmac.Equal(got[:], want) {
			return nil, fmt.Errorf("%w: HMAC does not match (wrong key, or frames altered in transit)", ErrBadSignature)
		}
		verified = got[:]
	}

	m := &Message{RawHeader: json.RawMessage(header)}
	m.Signature = verified
	if err := checkObject(header, false); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrMalformed, err)
	}
	if err := json.Unmarshal(header, &m.Header); err != nil {
		return nil, fmt.Errorf("%w: header: %v", ErrMalformed, err)
	}
	if m.Header.MsgID == "" {
		return nil, fmt.Errorf("%w: header has no msg_id", ErrMalformed)
	}
	if m.Header.MsgType == "" {
		return nil, fmt.Errorf("%w: header has no msg_type", ErrMalformed)
	}

	var err error
	// Lenient on parent_header and metadata: some clients send null or
	// nothing where the protocol says {}, and nothing depends on them.
	if m.ParentHeader, err = optionalObject(parent); err != nil {
		return nil, fmt.Errorf("%w: parent_header: %v", ErrMalformed, err)
	}
	if m.Metadata, err = optionalObject(metadata); err != nil {
		return nil, fmt.Errorf("%w: metadata: %v", ErrMalformed, err)
	}
	// Strict on content: every handler reads it as an object.
	if err := checkObject(content, true); err != nil {
		return nil, fmt.Errorf("%w: content: %v", ErrMalformed, err)
	}
	m.Content = json.RawMessage(content)

	if delim > 0 {
		m.Identities = frames[:delim:delim]
	}
	if len(rest) > 5 {
		m.Buffers = rest[5:len(rest):len(rest)]
	}
	return m, nil
}

// DigestHistory remembers the signatures of recent messages, so that a
// validly signed message sent again (a replay) can be dropped, as
// jupyter_client and ipykernel do. It keeps the most recent Size
// signatures. The zero value keeps 65536; it is safe for concurrent use.
type DigestHistory struct {
	Size int

	mu    sync.Mutex
	seen  map[[sha256.Size]byte]struct{}
	order [][sha256.Size]byte // ring of the signatures in seen, oldest at next
	next  int
}

// Add records sig and reports whether it is new. A nil or short sig (no
// key, no signing) is always new.
func (h *DigestHistory) Add(sig []byte) bool {
	if len(sig) != sha256.Size {
		return true
	}
	d := [sha256.Size]byte(sig)
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.seen == nil {
		if h.Size <= 0 {
			h.Size = 1 << 16
		}
		h.seen = make(map[[sha256.Size]byte]struct{})
	}
	if _, dup := h.seen[d]; dup {
		return false
	}
	if len(h.order) < h.Size {
		h.order = append(h.order, d)
	} else {
		delete(h.seen, h.order[h.next])
		h.order[h.next] = d
		h.next = (h.next + 1) % h.Size
	}
	h.seen[d] = struct{}{}
	return true
}

// frameName names the frame at index i after the delimiter, for errors.
func frameName(i int) string {
	switch i {
	case 0:
		return "signature"
	case 1:
		return "header"
	case 2:
		return "parent_header"
	case 3:
		return "metadata"
	case 4:
		return "content"
	}
	return fmt.Sprintf("buffer %d", i-5)
}

// optionalObject accepts an empty frame or JSON null as {} and otherwise
// requires a JSON object.
func optionalObject(b []byte) (json.RawMessage, error) {
	t := bytes.TrimSpace(b)
	if len(t) == 0 || string(t) == "null" {
		return emptyObject, nil
	}
	if err := checkObject(b, true); err != nil {
		return nil, err
	}
	return json.RawMessage(b), nil
}

// checkObject reports whether b is a JSON object. validate=false skips the
// full syntax check for callers that parse b right after anyway.
func checkObject(b []byte, validate bool) error {
	t := bytes.TrimSpace(b)
	if len(t) == 0 {
		return errors.New("empty frame, want a JSON object")
	}
	if t[0] != '{' {
		return fmt.Errorf("want a JSON object, got %s", describeJSON(t))
	}
	if validate && !json.Valid(t) {
		// Valid says only yes or no; a throwaway decode names the position.
		var v any
		if err := json.Unmarshal(t, &v); err != nil {
			return fmt.Errorf("invalid JSON: %v", err)
		}
		return errors.New("invalid JSON")
	}
	return nil
}

// describeJSON names the kind of a JSON value from its first byte, so errors
// say "got an array" rather than dumping untrusted bytes.
func describeJSON(t []byte) string {
	switch c := t[0]; {
	case c == '[':
		return "an array"
	case c == '"':
		return "a string"
	case c == 'n':
		return "null"
	case c == 't' || c == 'f':
		return "a boolean"
	case c == '-' || (c >= '0' && c <= '9'):
		return "a number"
	}
	return "something that is not JSON"
}

// Encode returns the frames of m, ready for a multipart send: identities, the
// delimiter, the signature, header, parent_header, metadata, content and
// buffers. Nil or empty ParentHeader, Metadata and Content are sent as {}.
//
// The header frame is always marshalled from m.Header; RawHeader is only
// meaningful on received messages. Encode does not modify m.
func (c *Codec) Encode(m *Message) ([][]byte, error) {
	if m == nil {
		return nil, fmt.Errorf("%w: encode of a nil message", ErrMalformed)
	}
	if m.Header.MsgType == "" || m.Header.MsgID == "" {
		return nil, fmt.Errorf("%w: header needs msg_id and msg_type to be sent", ErrMalformed)
	}
	header, err := json.Marshal(&m.Header)
	if err != nil {
		return nil, fmt.Errorf("%w: marshal header: %v", ErrMalformed, err)
	}
	parent, err := outgoingObject(m.ParentHeader, "parent_header")
	if err != nil {
		return nil, err
	}
	metadata, err := outgoingObject(m.Metadata, "metadata")
	if err != nil {
		return nil, err
	}
	content, err := outgoingObject(m.Content, "content")
	if err != nil {
		return nil, err
	}

	var sig []byte
	if c.signs() {
		var buf [sha256.Size]byte
		raw := c.sign(buf[:0], header, parent, metadata, content)
		sig = make([]byte, hex.EncodedLen(len(raw)))
		hex.Encode(sig, raw)
	} else {
		sig = []byte{}
	}

	frames := make([][]byte, 0, len(m.Identities)+6+len(m.Buffers))
	frames = append(frames, m.Identities...)
	frames = append(frames, []byte(Delimiter), sig, header, parent, metadata, content)
	frames = append(frames, m.Buffers...)
	return frames, nil
}

// outgoingObject substitutes {} for an empty field and rejects anything that
// is not an object, so the kernel never sends what it would itself refuse.
// It checks only the outer braces: fields come from json.Marshal, and a
// full validation of large display data on every send would cost more than
// the bug it could catch.
func outgoingObject(b json.RawMessage, name string) ([]byte, error) {
	t := bytes.TrimSpace(b)
	if len(t) == 0 || string(t) == "null" {
		return emptyObject, nil
	}
	if t[0] != '{' || t[len(t)-1] != '}' {
		return nil, fmt.Errorf("%w: %s must be a JSON object, got %s", ErrMalformed, name, describeJSON(t))
	}
	return b, nil
}

// NewMessage builds a message of msgType for sending: a fresh msg_id, the
// kernel's session id, username "gocell", the current UTC time and protocol
// version 5.4.
//
// parent is the request being answered, or nil. Its header bytes become
// parent_header unchanged and its identities are copied, so a reply on a
// ROUTER socket reaches the client that asked. content is marshalled with
// encoding/json; nil becomes {}, and anything that does not marshal to an
// object is an error.
func NewMessage(msgType, session string, parent *Message, content any) (*Message, error) {
	if msgType == "" {
		return nil, fmt.Errorf("%w: new message needs a msg_type", ErrMalformed)
	}
	m := &Message{
		Header: Header{
			MsgID:    uuid.NewString(),
			Session:  session,
			Username: "gocell",
			Date:     time.Now().UTC().Format(time.RFC3339Nano),
			MsgType:  msgType,
			Version:  ProtocolVersion,
		},
		ParentHeader: emptyObject,
		Metadata:     emptyObject,
		Content:      emptyObject,
	}
	raw, err := json.Marshal(&m.Header)
	if err != nil {
		return nil, fmt.Errorf("%w: %s header: %v", ErrMalformed, msgType, err)
	}
	m.RawHeader = raw

	if parent != nil {
		switch {
		case len(bytes.TrimSpace(parent.RawHeader)) > 0:
			m.ParentHeader = parent.RawHeader
		case parent.Header != (Header{}):
			// A parent built in memory rather than decoded has no raw
			// bytes; its marshalled header is the next best thing.
			if m.ParentHeader, err = json.Marshal(&parent.Header); err != nil {
				return nil, fmt.Errorf("%w: %s parent header: %v", ErrMalformed, msgType, err)
			}
		}
		if len(parent.Identities) > 0 {
			m.Identities = make([][]byte, len(parent.Identities))
			for i, id := range parent.Identities {
				m.Identities[i] = bytes.Clone(id)
			}
		}
	}

	if content != nil {
		b, err := json.Marshal(content)
		if err != nil {
			return nil, fmt.Errorf("%w: %s content: %v", ErrMalformed, msgType, err)
		}
		t := bytes.TrimSpace(b)
		switch {
		case string(t) == "null":
			// A nil map or pointer: the protocol wants {} instead.
		case len(t) > 0 && t[0] == '{':
			m.Content = b
		default:
			return nil, fmt.Errorf("%w: %s content must marshal to a JSON object, got %s", ErrMalformed, msgType, describeJSON(t))
		}
	}
	return m, nil
}
