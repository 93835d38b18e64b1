/// XML escaping for TwiML text and attribute values.
enum TwiMLEscaping {
    /// Escapes `value` so that it is read back unchanged as element text (`inAttribute == false`)
    /// or as a double-quoted attribute value (`inAttribute == true`).
    ///
    /// `&`, `<`, `>`, `"` and `'` always become entity references, so no value can close an
    /// element, an attribute or a CDATA section (`]]>` becomes `]]&gt;`). Carriage returns, and in
    /// attributes also line feeds and tabs, become character references because XML parsers
    /// normalise them otherwise. Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF)
    /// cannot be represented at all and become U+FFFD.
    static func escape(_ value: String, inAttribute: Bool) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\r": result += "&#13;"
            case "\n" where inAttribute: result += "&#10;"
            case "\t" where inAttribute: result += "&#9;"
            case "\t", "\n": result.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                result.unicodeScalars.append("\u{FFFD}")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
