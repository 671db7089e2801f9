// libxml2 for the XML record reader.
//
// Debian's libxml2 is built with ICU, so <libxml/encoding.h> includes the system's
// <unicode/ucnv.h>. Foundation ships its own ICU headers (_FoundationICU) whose `UErrorCode`
// differs; any Swift file that sees both modules then fails to compile, depending on build
// order. We use none of libxml2's ICU declarations (only the trailing `uconv_in`/`uconv_out`
// members of xmlCharEncodingHandler, a struct we never allocate or read), so the ICU part of
// the headers is hidden from this module.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
