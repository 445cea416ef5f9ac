//go:build !unix

package nginxconf

import "errors"

func mkfifo(string) error { return errors.New("not supported") }
