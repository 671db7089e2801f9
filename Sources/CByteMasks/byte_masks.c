// The functions are static inline in include/byte_masks.h; SwiftPM needs a source file.
#include "byte_masks.h"
