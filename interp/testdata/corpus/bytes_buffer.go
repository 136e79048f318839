package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
)

func main() {
	var b bytes.Buffer
	b.WriteString("hello ")
	b.Write([]byte("world"))
	b.WriteByte('!')
	fmt.Println(b.String(), b.Len())
	p := make([]byte, 5)
	n, _ := b.Read(p)
	fmt.Println(n, string(p), b.String())
	fmt.Println(bytes.Contains([]byte("seafood"), []byte("foo")), bytes.ToUpper([]byte("x")))
	data, _ := io.ReadAll(io.LimitReader(strings.NewReader("abcdefgh"), 3))
	fmt.Println(string(data))
	sum := sha256.Sum256([]byte("gocell"))
	fmt.Println(hex.EncodeToString(sum[:4]))
	enc := base64.StdEncoding.EncodeToString([]byte("notebook"))
	dec, _ := base64.StdEncoding.DecodeString(enc)
	fmt.Println(enc, string(dec))
}
