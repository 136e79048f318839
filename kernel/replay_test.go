package kernel

import (
	"bytes"
	"testing"
)

func TestDigestHistoryDropsRepeats(t *testing.T) {
	var h DigestHistory
	a, b := bytes.Repeat([]byte{1}, 32), bytes.Repeat([]byte{2}, 32)
	if !h.Add(a) || !h.Add(b) {
		t.Fatal("new signatures reported as seen")
	}
	if h.Add(a) || h.Add(b) {
		t.Fatal("a repeated signature reported as new")
	}
	for i := 0; i < 2; i++ {
		if !h.Add(nil) {
			t.Fatal("unsigned messages (no key) must never count as replays")
		}
	}
}

func TestDigestHistoryIsBounded(t *testing.T) {
	h := DigestHistory{Size: 4}
	sig := func(i byte) []byte { return bytes.Repeat([]byte{i}, 32) }
	for i := range byte(10) {
		if !h.Add(sig(i)) {
			t.Fatalf("signature %d reported as seen", i)
		}
	}
	if len(h.seen) != 4 || len(h.order) != 4 {
		t.Fatalf("history holds %d signatures (ring %d), want 4", len(h.seen), len(h.order))
	}
	for i := byte(6); i < 10; i++ {
		if h.Add(sig(i)) {
			t.Fatalf("recent signature %d forgotten", i)
		}
	}
	if !h.Add(sig(0)) {
		t.Fatal("the oldest signature should have been forgotten")
	}
}

func TestDecodeKeepsTheVerifiedSignature(t *testing.T) {
	c, err := NewCodec(SignatureScheme, "k")
	if err != nil {
		t.Fatal(err)
	}
	msg, err := NewMessage("kernel_info_request", "s", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	frames, err := c.Encode(msg)
	if err != nil {
		t.Fatal(err)
	}
	got, err := c.Decode(frames)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Signature) != 32 {
		t.Fatalf("Signature has %d bytes, want the 32-byte HMAC", len(got.Signature))
	}
	var h DigestHistory
	if !h.Add(got.Signature) {
		t.Fatal("first delivery reported as a replay")
	}
	again, _ := c.Decode(frames)
	if h.Add(again.Signature) {
		t.Fatal("the same frames decoded twice were not recognised as a replay")
	}
	unsigned, _ := (&Codec{}).Decode(frames)
	if unsigned.Signature != nil {
		t.Fatal("a codec without a key reported a signature")
	}
}
