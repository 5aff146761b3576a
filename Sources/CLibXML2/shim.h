// libxml2's HTML parser, for `almanac diff` (see ../CCmark/shim.h for why a shim).
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, whose headers clash with the copy of ICU that
// Swift's Foundation brings. Almanac uses no encoding handlers (it parses UTF-8),
// so the ICU parts of the declarations are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

// `xmlFree` is a global function pointer, which Swift 6 will not touch from
// concurrent code; this calls it.
static inline void almanac_xml_free(void *pointer) { xmlFree(pointer); }
