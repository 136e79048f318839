package main

import "fmt"

type Config struct {
	Host string
	Port int
}

func (c *Config) Addr() string {
	if c == nil {
		return "default:80"
	}
	return fmt.Sprintf("%s:%d", c.Host, c.Port)
}

type Server struct {
	*Config
	Name string
	Opts *Options
}

type Options struct {
	Verbose bool
	Retries int
}

func main() {
	s := Server{Name: "empty"}
	fmt.Printf("%v\n%+v\n", s, s)
	fmt.Println(s.Addr(), s.Config == nil)
	s.Config = &Config{"localhost", 8080}
	fmt.Println(s.Addr(), s.Host, s.Port)
	s2 := s
	s2.Port = 9090
	fmt.Println(s.Port, s2.Port, s.Config == s2.Config)
	s.Opts = &Options{Retries: 3}
	fmt.Println(s.Opts.Retries, *s.Opts)
	fmt.Printf("%+v\n", *s.Opts)
	servers := []*Server{&s, {Name: "bare"}}
	for _, sv := range servers {
		fmt.Println(sv.Name, sv.Addr(), sv.Opts == nil)
	}
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	fmt.Println(servers[1].Host)
}
