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
#include <libxml/globals.h>

// libxml2's thread-wide error handlers, saved while a reader calls into libxml2.
//
// Errors raised without a parser context (an input conversion failing in encoding.c, the I/O
// layer's "encoder error") skip the reader's own structured handler and go to these per-thread
// handlers, whose defaults print on stderr; `xmlParseChunk` even prints "encoder error" through
// the generic handler directly. Swift cannot name a variadic C function pointer, so the generic
// handler is kept here as an opaque pointer and set from C.
typedef struct {
    void *generic_context;
    void *generic_handler;
    void *structured_context;
    void *structured_handler;
} portrait_xml_error_handlers;

// Discards a generic (printf-style) libxml2 message.
static void portrait_xml_discard_message(void *context, const char *message, ...)
    __attribute__((unused));
static void portrait_xml_discard_message(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

// Points the calling thread's libxml2 errors at `handler` (with `context`) and silences the
// generic channel; returns what was installed before, for `portrait_xml_restore_errors`.
static inline portrait_xml_error_handlers portrait_xml_capture_errors(void *context,
                                                                      xmlStructuredErrorFunc handler) {
    portrait_xml_error_handlers saved = {
        xmlGenericErrorContext, (void *)xmlGenericError,
        xmlStructuredErrorContext, (void *)xmlStructuredError,
    };
    xmlSetGenericErrorFunc(NULL, portrait_xml_discard_message);
    xmlSetStructuredErrorFunc(context, handler);
    return saved;
}

// Puts back the calling thread's handlers saved by `portrait_xml_capture_errors`.
static inline void portrait_xml_restore_errors(portrait_xml_error_handlers saved) {
    xmlSetGenericErrorFunc(saved.generic_context, (xmlGenericErrorFunc)saved.generic_handler);
    xmlSetStructuredErrorFunc(saved.structured_context, (xmlStructuredErrorFunc)saved.structured_handler);
}
