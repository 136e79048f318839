package main

import (
	"fmt"
	"image"
	"image/color"
)

type Image struct {
	w, h int
}

func (im Image) ColorModel() color.Model { return color.RGBAModel }
func (im Image) Bounds() image.Rectangle { return image.Rect(0, 0, im.w, im.h) }
func (im Image) At(x, y int) color.Color {
	v := uint8(x ^ y)
	return color.RGBA{v, v, 255, 255}
}

func main() {
	m := image.NewRGBA(image.Rect(0, 0, 100, 100))
	fmt.Println(m.Bounds())
	fmt.Println(m.At(0, 0).RGBA())
	var img image.Image = Image{4, 3}
	fmt.Println(img.Bounds(), img.Bounds().Dx(), img.Bounds().Dy())
	r, g, b, a := img.At(2, 1).RGBA()
	fmt.Println(r, g, b, a)
	fmt.Println(img.ColorModel() == color.RGBAModel)
	m.Set(1, 1, color.RGBA{10, 20, 30, 255})
	fmt.Println(m.At(1, 1))
}
