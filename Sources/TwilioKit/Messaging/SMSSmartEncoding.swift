extension SMSSegmentation {
    /// Applies Twilio's Smart Encoding substitutions to `body`.
    ///
    /// Smart Encoding (a Messaging Service option) replaces Unicode look-alikes such as curly
    /// quotes, dashes, full-width letters and exotic spaces with GSM-7 characters, so that a
    /// message that would otherwise need UCS-2 can be sent as GSM-7. The substitution works
    /// Unicode scalar by Unicode scalar; scalars without a replacement are kept unchanged.
    ///
    /// The table is the calculator's `src/libs/SmartEncodingMap.ts`
    /// (github.com/TwilioDevEd/message-segment-calculator), reproduced verbatim, including
    /// its choices such as a no-break space becoming two spaces and a tab seven spaces.
    ///
    /// - Parameter body: The message body as the sender wrote it.
    /// - Returns: The body with every mapped scalar replaced.
    public static func smartEncoded(_ body: String) -> String {
        var result = ""
        result.reserveCapacity(body.utf8.count)
        for scalar in body.unicodeScalars {
            if let replacement = SmartEncodingTable.replacements[scalar] {
                result += replacement
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// The Unicode-to-GSM look-alike substitutions applied by Twilio's Smart Encoding.
enum SmartEncodingTable {
    /// Replacement text for each Unicode scalar that Smart Encoding rewrites.
    static let replacements: [Unicode.Scalar: String] = [
        "\u{00AB}": "\"", // LEFT-POINTING DOUBLE ANGLE QUOTATION MARK
        "\u{00BB}": "\"", // RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK
        "\u{201C}": "\"", // LEFT DOUBLE QUOTATION MARK
        "\u{201D}": "\"", // RIGHT DOUBLE QUOTATION MARK
        "\u{02BA}": "\"", // MODIFIER LETTER DOUBLE PRIME
        "\u{02EE}": "\"", // MODIFIER LETTER DOUBLE APOSTROPHE
        "\u{201F}": "\"", // DOUBLE HIGH-REVERSED-9 QUOTATION MARK
        "\u{275D}": "\"", // HEAVY DOUBLE TURNED COMMA QUOTATION MARK ORNAMENT
        "\u{275E}": "\"", // HEAVY DOUBLE COMMA QUOTATION MARK ORNAMENT
        "\u{301D}": "\"", // REVERSED DOUBLE PRIME QUOTATION MARK
        "\u{301E}": "\"", // DOUBLE PRIME QUOTATION MARK
        "\u{FF02}": "\"", // FULLWIDTH QUOTATION MARK
        "\u{2018}": "'", // LEFT SINGLE QUOTATION MARK
        "\u{2019}": "'", // RIGHT SINGLE QUOTATION MARK
        "\u{02BB}": "'", // MODIFIER LETTER TURNED COMMA
        "\u{02C8}": "'", // MODIFIER LETTER VERTICAL LINE
        "\u{02BC}": "'", // MODIFIER LETTER APOSTROPHE
        "\u{02BD}": "'", // MODIFIER LETTER REVERSED COMMA
        "\u{02B9}": "'", // MODIFIER LETTER PRIME
        "\u{201B}": "'", // SINGLE HIGH-REVERSED-9 QUOTATION MARK
        "\u{FF07}": "'", // FULLWIDTH APOSTROPHE
        "\u{00B4}": "'", // ACUTE ACCENT
        "\u{02CA}": "'", // MODIFIER LETTER ACUTE ACCENT
        "\u{0060}": "'", // GRAVE ACCENT
        "\u{02CB}": "'", // MODIFIER LETTER GRAVE ACCENT
        "\u{275B}": "'", // HEAVY SINGLE TURNED COMMA QUOTATION MARK ORNAMENT
        "\u{275C}": "'", // HEAVY SINGLE COMMA QUOTATION MARK ORNAMENT
        "\u{0313}": "'", // COMBINING COMMA ABOVE
        "\u{0314}": "'", // COMBINING REVERSED COMMA ABOVE
        "\u{FE10}": "'", // PRESENTATION FORM FOR VERTICAL COMMA
        "\u{FE11}": "'", // PRESENTATION FORM FOR VERTICAL IDEOGRAPHIC COMMA
        "\u{00F7}": "/", // DIVISION SIGN
        "\u{00BC}": "1/4", // VULGAR FRACTION ONE QUARTER
        "\u{00BD}": "1/2", // VULGAR FRACTION ONE HALF
        "\u{00BE}": "3/4", // VULGAR FRACTION THREE QUARTERS
        "\u{29F8}": "/", // BIG SOLIDUS
        "\u{0337}": "/", // COMBINING SHORT SOLIDUS OVERLAY
        "\u{0338}": "/", // COMBINING LONG SOLIDUS OVERLAY
        "\u{2044}": "/", // FRACTION SLASH
        "\u{2215}": "/", // DIVISION SLASH
        "\u{FF0F}": "/", // FULLWIDTH SOLIDUS
        "\u{29F9}": "\\", // BIG REVERSE SOLIDUS
        "\u{29F5}": "\\", // REVERSE SOLIDUS OPERATOR
        "\u{20E5}": "\\", // COMBINING REVERSE SOLIDUS OVERLAY
        "\u{FE68}": "\\", // SMALL REVERSE SOLIDUS
        "\u{FF3C}": "\\", // FULLWIDTH REVERSE SOLIDUS
        "\u{0332}": "_", // COMBINING LOW LINE
        "\u{FF3F}": "_", // FULLWIDTH LOW LINE
        "\u{20D2}": "|", // COMBINING LONG VERTICAL LINE OVERLAY
        "\u{20D3}": "|", // COMBINING SHORT VERTICAL LINE OVERLAY
        "\u{2223}": "|", // DIVIDES
        "\u{FF5C}": "|", // FULLWIDTH VERTICAL LINE
        "\u{23B8}": "|", // LEFT VERTICAL BOX LINE
        "\u{23B9}": "|", // RIGHT VERTICAL BOX LINE
        "\u{23D0}": "|", // VERTICAL LINE EXTENSION
        "\u{239C}": "|", // LEFT PARENTHESIS EXTENSION
        "\u{239F}": "|", // RIGHT PARENTHESIS EXTENSION
        "\u{23BC}": "-", // HORIZONTAL SCAN LINE-7
        "\u{23BD}": "-", // HORIZONTAL SCAN LINE-9
        "\u{2015}": "-", // HORIZONTAL BAR
        "\u{FE63}": "-", // SMALL HYPHEN-MINUS
        "\u{FF0D}": "-", // FULLWIDTH HYPHEN-MINUS
        "\u{2010}": "-", // HYPHEN
        "\u{2043}": "-", // HYPHEN BULLET
        "\u{FE6B}": "@", // SMALL COMMERCIAL AT
        "\u{FF20}": "@", // FULLWIDTH COMMERCIAL AT
        "\u{FE69}": "$", // SMALL DOLLAR SIGN
        "\u{FF04}": "$", // FULLWIDTH DOLLAR SIGN
        "\u{01C3}": "!", // LATIN LETTER RETROFLEX CLICK
        "\u{FE15}": "!", // PRESENTATION FORM FOR VERTICAL EXCLAMATION MARK
        "\u{FE57}": "!", // SMALL EXCLAMATION MARK
        "\u{FF01}": "!", // FULLWIDTH EXCLAMATION MARK
        "\u{FE5F}": "#", // SMALL NUMBER SIGN
        "\u{FF03}": "#", // FULLWIDTH NUMBER SIGN
        "\u{FE6A}": "%", // SMALL PERCENT SIGN
        "\u{FF05}": "%", // FULLWIDTH PERCENT SIGN
        "\u{FE60}": "&", // SMALL AMPERSAND
        "\u{FF06}": "&", // FULLWIDTH AMPERSAND
        "\u{201A}": ",", // SINGLE LOW-9 QUOTATION MARK
        "\u{0326}": ",", // COMBINING COMMA BELOW
        "\u{FE50}": ",", // SMALL COMMA
        "\u{FE51}": ",", // SMALL IDEOGRAPHIC COMMA
        "\u{FF0C}": ",", // FULLWIDTH COMMA
        "\u{FF64}": ",", // HALFWIDTH IDEOGRAPHIC COMMA
        "\u{2768}": "(", // MEDIUM LEFT PARENTHESIS ORNAMENT
        "\u{276A}": "(", // MEDIUM FLATTENED LEFT PARENTHESIS ORNAMENT
        "\u{FE59}": "(", // SMALL LEFT PARENTHESIS
        "\u{FF08}": "(", // FULLWIDTH LEFT PARENTHESIS
        "\u{27EE}": "(", // MATHEMATICAL LEFT FLATTENED PARENTHESIS
        "\u{2985}": "(", // LEFT WHITE PARENTHESIS
        "\u{2769}": ")", // MEDIUM RIGHT PARENTHESIS ORNAMENT
        "\u{276B}": ")", // MEDIUM FLATTENED RIGHT PARENTHESIS ORNAMENT
        "\u{FE5A}": ")", // SMALL RIGHT PARENTHESIS
        "\u{FF09}": ")", // FULLWIDTH RIGHT PARENTHESIS
        "\u{27EF}": ")", // MATHEMATICAL RIGHT FLATTENED PARENTHESIS
        "\u{2986}": ")", // RIGHT WHITE PARENTHESIS
        "\u{204E}": "*", // LOW ASTERISK
        "\u{2217}": "*", // ASTERISK OPERATOR
        "\u{229B}": "*", // CIRCLED ASTERISK OPERATOR
        "\u{2722}": "*", // FOUR TEARDROP-SPOKED ASTERISK
        "\u{2723}": "*", // FOUR BALLOON-SPOKED ASTERISK
        "\u{2724}": "*", // HEAVY FOUR BALLOON-SPOKED ASTERISK
        "\u{2725}": "*", // FOUR CLUB-SPOKED ASTERISK
        "\u{2731}": "*", // HEAVY ASTERISK
        "\u{2732}": "*", // OPEN CENTRE ASTERISK
        "\u{2733}": "*", // EIGHT SPOKED ASTERISK
        "\u{273A}": "*", // SIXTEEN POINTED ASTERISK
        "\u{273B}": "*", // TEARDROP-SPOKED ASTERISK
        "\u{273C}": "*", // OPEN CENTRE TEARDROP-SPOKED ASTERISK
        "\u{273D}": "*", // HEAVY TEARDROP-SPOKED ASTERISK
        "\u{2743}": "*", // HEAVY TEARDROP-SPOKED PINWHEEL ASTERISK
        "\u{2749}": "*", // BALLOON-SPOKED ASTERISK
        "\u{274A}": "*", // EIGHT TEARDROP-SPOKED PROPELLER ASTERISK
        "\u{274B}": "*", // HEAVY EIGHT TEARDROP-SPOKED PROPELLER ASTERISK
        "\u{29C6}": "*", // SQUARED ASTERISK
        "\u{FE61}": "*", // SMALL ASTERISK
        "\u{FF0A}": "*", // FULLWIDTH ASTERISK
        "\u{02D6}": "+", // MODIFIER LETTER PLUS SIGN
        "\u{FE62}": "+", // SMALL PLUS SIGN
        "\u{FF0B}": "+", // FULLWIDTH PLUS SIGN
        "\u{3002}": ".", // IDEOGRAPHIC FULL STOP
        "\u{FE52}": ".", // SMALL FULL STOP
        "\u{FF0E}": ".", // FULLWIDTH FULL STOP
        "\u{FF61}": ".", // HALFWIDTH IDEOGRAPHIC FULL STOP
        "\u{FF10}": "0", // FULLWIDTH DIGIT ZERO
        "\u{FF11}": "1", // FULLWIDTH DIGIT ONE
        "\u{FF12}": "2", // FULLWIDTH DIGIT TWO
        "\u{FF13}": "3", // FULLWIDTH DIGIT THREE
        "\u{FF14}": "4", // FULLWIDTH DIGIT FOUR
        "\u{FF15}": "5", // FULLWIDTH DIGIT FIVE
        "\u{FF16}": "6", // FULLWIDTH DIGIT SIX
        "\u{FF17}": "7", // FULLWIDTH DIGIT SEVEN
        "\u{FF18}": "8", // FULLWIDTH DIGIT EIGHT
        "\u{FF19}": "9", // FULLWIDTH DIGIT NINE
        "\u{02D0}": ":", // MODIFIER LETTER TRIANGULAR COLON
        "\u{02F8}": ":", // MODIFIER LETTER RAISED COLON
        "\u{2982}": ":", // Z NOTATION TYPE COLON
        "\u{A789}": ":", // MODIFIER LETTER COLON
        "\u{FE13}": ":", // PRESENTATION FORM FOR VERTICAL COLON
        "\u{FF1A}": ":", // FULLWIDTH COLON
        "\u{204F}": ";", // REVERSED SEMICOLON
        "\u{FE14}": ";", // PRESENTATION FORM FOR VERTICAL SEMICOLON
        "\u{FE54}": ";", // SMALL SEMICOLON
        "\u{FF1B}": ";", // FULLWIDTH SEMICOLON
        "\u{FE64}": "<", // SMALL LESS-THAN SIGN
        "\u{FF1C}": "<", // FULLWIDTH LESS-THAN SIGN
        "\u{0347}": "=", // COMBINING EQUALS SIGN BELOW
        "\u{A78A}": "=", // MODIFIER LETTER SHORT EQUALS SIGN
        "\u{FE66}": "=", // SMALL EQUALS SIGN
        "\u{FF1D}": "=", // FULLWIDTH EQUALS SIGN
        "\u{FE65}": ">", // SMALL GREATER-THAN SIGN
        "\u{FF1E}": ">", // FULLWIDTH GREATER-THAN SIGN
        "\u{FE16}": "?", // PRESENTATION FORM FOR VERTICAL QUESTION MARK
        "\u{FE56}": "?", // SMALL QUESTION MARK
        "\u{FF1F}": "?", // FULLWIDTH QUESTION MARK
        "\u{FF21}": "A", // FULLWIDTH LATIN CAPITAL LETTER A
        "\u{1D00}": "A", // LATIN LETTER SMALL CAPITAL A
        "\u{FF22}": "B", // FULLWIDTH LATIN CAPITAL LETTER B
        "\u{0299}": "B", // LATIN LETTER SMALL CAPITAL B
        "\u{FF23}": "C", // FULLWIDTH LATIN CAPITAL LETTER C
        "\u{1D04}": "C", // LATIN LETTER SMALL CAPITAL C
        "\u{FF24}": "D", // FULLWIDTH LATIN CAPITAL LETTER D
        "\u{1D05}": "D", // LATIN LETTER SMALL CAPITAL D
        "\u{FF25}": "E", // FULLWIDTH LATIN CAPITAL LETTER E
        "\u{1D07}": "E", // LATIN LETTER SMALL CAPITAL E
        "\u{FF26}": "F", // FULLWIDTH LATIN CAPITAL LETTER F
        "\u{A730}": "F", // LATIN LETTER SMALL CAPITAL F
        "\u{FF27}": "G", // FULLWIDTH LATIN CAPITAL LETTER G
        "\u{0262}": "G", // LATIN LETTER SMALL CAPITAL G
        "\u{FF28}": "H", // FULLWIDTH LATIN CAPITAL LETTER H
        "\u{029C}": "H", // LATIN LETTER SMALL CAPITAL H
        "\u{FF29}": "I", // FULLWIDTH LATIN CAPITAL LETTER I
        "\u{026A}": "I", // LATIN LETTER SMALL CAPITAL I
        "\u{FF2A}": "J", // FULLWIDTH LATIN CAPITAL LETTER J
        "\u{1D0A}": "J", // LATIN LETTER SMALL CAPITAL J
        "\u{FF2B}": "K", // FULLWIDTH LATIN CAPITAL LETTER K
        "\u{1D0B}": "K", // LATIN LETTER SMALL CAPITAL K
        "\u{FF2C}": "L", // FULLWIDTH LATIN CAPITAL LETTER L
        "\u{029F}": "L", // LATIN LETTER SMALL CAPITAL L
        "\u{FF2D}": "M", // FULLWIDTH LATIN CAPITAL LETTER M
        "\u{1D0D}": "M", // LATIN LETTER SMALL CAPITAL M
        "\u{FF2E}": "N", // FULLWIDTH LATIN CAPITAL LETTER N
        "\u{0274}": "N", // LATIN LETTER SMALL CAPITAL N
        "\u{FF2F}": "O", // FULLWIDTH LATIN CAPITAL LETTER O
        "\u{1D0F}": "O", // LATIN LETTER SMALL CAPITAL O
        "\u{FF30}": "P", // FULLWIDTH LATIN CAPITAL LETTER P
        "\u{1D18}": "P", // LATIN LETTER SMALL CAPITAL P
        "\u{FF31}": "Q", // FULLWIDTH LATIN CAPITAL LETTER Q
        "\u{FF32}": "R", // FULLWIDTH LATIN CAPITAL LETTER R
        "\u{0280}": "R", // LATIN LETTER SMALL CAPITAL R
        "\u{FF33}": "S", // FULLWIDTH LATIN CAPITAL LETTER S
        "\u{A731}": "S", // LATIN LETTER SMALL CAPITAL S
        "\u{FF34}": "T", // FULLWIDTH LATIN CAPITAL LETTER T
        "\u{1D1B}": "T", // LATIN LETTER SMALL CAPITAL T
        "\u{FF35}": "U", // FULLWIDTH LATIN CAPITAL LETTER U
        "\u{1D1C}": "U", // LATIN LETTER SMALL CAPITAL U
        "\u{FF36}": "V", // FULLWIDTH LATIN CAPITAL LETTER V
        "\u{1D20}": "V", // LATIN LETTER SMALL CAPITAL V
        "\u{FF37}": "W", // FULLWIDTH LATIN CAPITAL LETTER W
        "\u{1D21}": "W", // LATIN LETTER SMALL CAPITAL W
        "\u{FF38}": "X", // FULLWIDTH LATIN CAPITAL LETTER X
        "\u{FF39}": "Y", // FULLWIDTH LATIN CAPITAL LETTER Y
        "\u{028F}": "Y", // LATIN LETTER SMALL CAPITAL Y
        "\u{FF3A}": "Z", // FULLWIDTH LATIN CAPITAL LETTER Z
        "\u{1D22}": "Z", // LATIN LETTER SMALL CAPITAL Z
        "\u{02C6}": "^", // MODIFIER LETTER CIRCUMFLEX ACCENT
        "\u{0302}": "^", // COMBINING CIRCUMFLEX ACCENT
        "\u{FF3E}": "^", // FULLWIDTH CIRCUMFLEX ACCENT
        "\u{1DCD}": "^", // COMBINING DOUBLE CIRCUMFLEX ABOVE
        "\u{2774}": "{", // MEDIUM LEFT CURLY BRACKET ORNAMENT
        "\u{FE5B}": "{", // SMALL LEFT CURLY BRACKET
        "\u{FF5B}": "{", // FULLWIDTH LEFT CURLY BRACKET
        "\u{2775}": "}", // MEDIUM RIGHT CURLY BRACKET ORNAMENT
        "\u{FE5C}": "}", // SMALL RIGHT CURLY BRACKET
        "\u{FF5D}": "}", // FULLWIDTH RIGHT CURLY BRACKET
        "\u{FF3B}": "[", // FULLWIDTH LEFT SQUARE BRACKET
        "\u{FF3D}": "]", // FULLWIDTH RIGHT SQUARE BRACKET
        "\u{02DC}": "~", // SMALL TILDE
        "\u{02F7}": "~", // MODIFIER LETTER LOW TILDE
        "\u{0303}": "~", // COMBINING TILDE
        "\u{0330}": "~", // COMBINING TILDE BELOW
        "\u{0334}": "~", // COMBINING TILDE OVERLAY
        "\u{223C}": "~", // TILDE OPERATOR
        "\u{FF5E}": "~", // FULLWIDTH TILDE
        "\u{00A0}": "  ", // NO-BREAK SPACE
        "\u{2000}": "  ", // EN QUAD
        "\u{2002}": "  ", // EN SPACE
        "\u{2003}": "  ", // EM SPACE
        "\u{2004}": "  ", // THREE-PER-EM SPACE
        "\u{2005}": "  ", // FOUR-PER-EM SPACE
        "\u{2006}": "  ", // SIX-PER-EM SPACE
        "\u{2007}": "  ", // FIGURE SPACE
        "\u{2008}": "  ", // PUNCTUATION SPACE
        "\u{2009}": "  ", // THIN SPACE
        "\u{200A}": "  ", // HAIR SPACE
        "\u{202F}": "  ", // NARROW NO-BREAK SPACE
        "\u{205F}": "  ", // MEDIUM MATHEMATICAL SPACE
        "\u{3000}": "  ", // IDEOGRAPHIC SPACE
        "\u{008D}": "  ", // REVERSE LINE FEED (standard LF looks like \n, this looks like a space)
        "\u{009F}": "  ", // <control>
        "\u{0080}": "  ", // C1 CONTROL CODES
        "\u{0090}": "  ", // DEVICE CONTROL STRING
        "\u{009B}": "  ", // CONTROL SEQUENCE INTRODUCER
        "\u{0010}": "", // ESCAPE, DATA LINK (not visible)
        "\u{0009}": "       ", // TAB (7 spaces based on print statement in Python interpreter)
        "\u{0000}": "", // NULL
        "\u{0003}": "", // END OF TEXT
        "\u{0004}": "", // END OF TRANSMISSION
        "\u{0017}": "", // END OF TRANSMISSION BLOCK
        "\u{0019}": "", // END OF MEDIUM
        "\u{0011}": "", // DEVICE CONTROL ONE
        "\u{0012}": "", // DEVICE CONTROL TWO
        "\u{0013}": "", // DEVICE CONTROL THREE
        "\u{0014}": "", // DEVICE CONTROL FOUR
        "\u{2060}": "", // WORD JOINER
        "\u{2017}": "'", // DOUBLE LOW LINE
        "\u{2014}": "-", // EM DASH
        "\u{2013}": "-", // EN DASH
        "\u{2039}": ">", // SINGLE LEFT-POINTING ANGLE QUOTATION MARK
        "\u{203A}": "<", // SINGLE RIGHT-POINTING ANGLE QUOTATION MARK
        "\u{203C}": "!!", // DOUBLE EXCLAMATION MARK
        "\u{201E}": "\"", // DOUBLE LOW-9 QUOTATION MARK
        "\u{2028}": " ", // LINE SEPARATOR
        "\u{2029}": " ", // PARAGRAPH SEPARATOR
        "\u{2026}": "...", // HORIZONTAL ELLIPSIS
        "\u{2001}": " ", // EM QUAD
        "\u{200B}": "", // ZERO WIDTH SPACE
        "\u{3001}": ",", // IDEOGRAPHIC COMMA
        "\u{FEFF}": "", // ZERO WIDTH NO-BREAK SPACE
        "\u{2022}": "-", // BULLET
    ]
}
