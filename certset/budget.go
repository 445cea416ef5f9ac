package certset

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
)

// DefaultWorkBudget is the key-derivation work one run may spend, in
// iterations of PBKDF2 (times the blocks of key it derives) or of the
// PKCS#12 key derivation, summed over every
// key, every passphrase tried (the empty one PKCS#12 files are tried with
// first included) and every MAC and bag of a PKCS#12 file. Real setups
// spend a few million at most (OpenSSL writes 2048 iterations per
// derivation, Java 10000); about 3 seconds of one core.
const DefaultWorkBudget = 20_000_000

// Budget is the key-derivation work left to a run. It is safe for
// concurrent use; every derivation is paid for before it starts, so a
// file cannot spend more than what is left.
type Budget struct {
	mu    sync.Mutex
	total int64
	left  int64
}

// NewBudget returns a budget of n iterations.
func NewBudget(n int64) *Budget { return &Budget{total: n, left: n} }

// Left is the work not spent yet.
func (b *Budget) Left() int64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.left
}

// spend takes n iterations from the budget, or nothing and false when
// fewer are left.
func (b *Budget) spend(n int64) bool {
	if n < 0 {
		return false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if n > b.left {
		b.left = 0 // what is left cannot pay for the next file either
		return false
	}
	b.left -= n
	return true
}

// refund gives back work paid for but not done (a PKCS#12 file whose MAC
// rejected the passphrase before any bag was decrypted).
func (b *Budget) refund(n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.left = min(b.total, b.left+max(n, 0))
}

// runBudget is the budget of the whole process, set by the command (one
// run, one budget); when nil each Load call gets a budget of its own.
var runBudget atomic.Pointer[Budget]

// SetRunBudget makes b the budget of every Load and LoadKeyPair call
// whose Options carry none: the command sets it once, so that all the
// loads of one run share it.
func SetRunBudget(b *Budget) { runBudget.Store(b) }

func budgetOf(o Options) *Budget {
	if o.Budget != nil {
		return o.Budget
	}
	if b := runBudget.Load(); b != nil {
		return b
	}
	return NewBudget(DefaultWorkBudget)
}

// runContext is the context of the whole process, set by the command:
// when it ends (Ctrl-C), key derivations under way are abandoned.
var runContext atomic.Value // context.Context

// SetRunContext makes ctx the context of every Load and LoadKeyPair call
// whose Options carry none.
func SetRunContext(ctx context.Context) { runContext.Store(&ctx) }

func contextOf(o Options) context.Context {
	if o.Context != nil {
		return o.Context
	}
	if p, ok := runContext.Load().(*context.Context); ok {
		return *p
	}
	return context.Background()
}

// lockError is a key mtlsdoctor did not try to decrypt because of the
// work it would cost; its text becomes the key's LockReason.
type lockError struct{ reason string }

func (e *lockError) Error() string { return e.reason }

func overLimit(n int64) error {
	return &lockError{fmt.Sprintf("iteration count %d is above the limit of %d", n, maxPBKDF2Iterations)}
}

func budgetSpent(b *Budget) error {
	return &lockError{fmt.Sprintf("the work budget of this run (%d key-derivation iterations) is spent", b.total)}
}

// errInterrupted is returned when the run's context ends while a key is
// being derived; the derivation is abandoned.
var errInterrupted error = &lockError{"interrupted before its key was derived"}

// derive runs fn, returning when it returns or when ctx ends, whichever
// is first. Key derivation cannot be stopped half-way; abandoning it lets
// the command exit at once (the goroutine dies with the process).
func derive[T any](ctx context.Context, fn func() T) (T, error) {
	if ctx.Done() == nil {
		return fn(), nil
	}
	ch := make(chan T, 1)
	go func() { ch <- fn() }()
	select {
	case v := <-ch:
		return v, nil
	case <-ctx.Done():
		var zero T
		return zero, errInterrupted
	}
}
