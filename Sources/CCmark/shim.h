// A module map resolves `header` relative to its own folder, so the system
// header is reached through this shim (see ../../README.md, "Building").
#include <cmark.h>
