package hint

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"testing"
)

// The hints travel through wrapping; the text and the cause stay the
// error's own.
func TestWrap(t *testing.T) {
	err := fmt.Errorf("loading: %w", Wrap(fs.ErrNotExist, "first", "second"))
	if err.Error() != "loading: file does not exist" {
		t.Errorf("text %q", err)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the cause is lost")
	}
	if got := Of(err); !slices.Equal(got, []string{"first", "second"}) {
		t.Errorf("hints %q", got)
	}
	if got := Of(fs.ErrNotExist); got != nil {
		t.Errorf("an error without hints has %q", got)
	}
}
