/* libxml2's SAX2 push parser (Debian's libxml2-dev), the engine under Foundation's XMLParser on Linux: the sheet
 * reader drives it directly to skip XMLParser's per-event String and Dictionary building.
 *
 * Debian's libxml2 is built with ICU, so its encoding.h includes the system's <unicode/ucnv.h>, whose enums clash
 * with the ICU copy Foundation ships (_FoundationICU) in any Swift file that imports both. Attain only uses the
 * SAX handler, the parser context as an opaque pointer and the parse calls, none of which the ICU part changes, so
 * that part is left out. */
#ifndef ATTAIN_XML2_H
#define ATTAIN_XML2_H
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#endif
