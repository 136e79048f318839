//go:build !unix

package cachecells

import "os"

// openFlags: systems without FIFOs in the file system need no care.
const openFlags = os.O_RDONLY
