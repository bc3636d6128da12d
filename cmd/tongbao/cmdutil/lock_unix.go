//go:build unix

package cmdutil

import (
	"errors"
	"os"
	"syscall"
)

// lockFile takes an exclusive advisory lock on f for the life of the
// process, failing at once when another process holds it.
func lockFile(f *os.File) error {
	err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return errors.New("another run is writing it")
	}
	if errors.Is(err, syscall.ENOTSUP) || errors.Is(err, syscall.EINVAL) {
		return nil // a file system without locks: go on unlocked
	}
	return err
}
