package shell

// dotExtras holds the settings of the dot-commands ported from the stock
// shell that are not output settings: each command's file says what its
// fields mean.
type dotExtras struct {
}
