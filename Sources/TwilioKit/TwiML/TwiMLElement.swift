/// A generic XML element: the intermediate form between typed TwiML values and XML text.
///
/// Typed verbs convert to an element for rendering and are built from one after parsing, so
/// both directions share a single escaping and reading implementation.
struct TwiMLElement: Sendable {
    /// A piece of element content.
    enum Node: Sendable {
        case element(TwiMLElement)
        case text(String)
    }

    /// An attribute name and its unescaped value.
    struct Attribute: Sendable {
        var name: String
        var value: String
    }

    var name: String
    /// Attributes in rendering order.
    var attributes: [Attribute]
    var children: [Node]

    /// An element whose `nil` attribute values are left out and whose empty text is no content.
    init(_ name: String, attributes: KeyValuePairs<String, String?> = [:], text: String = "") {
        self.init(name, attributes: attributes, children: text.isEmpty ? [] : [.text(text)])
    }

    /// An element with child elements; `nil` attribute values are left out.
    init(_ name: String, attributes: KeyValuePairs<String, String?> = [:], elements: [TwiMLElement]) {
        self.init(name, attributes: attributes, children: elements.map(Node.element))
    }

    /// A parsed element.
    init(name: String, attributes: [Attribute], children: [Node]) {
        self.name = name
        self.attributes = attributes
        self.children = children
    }

    private init(_ name: String, attributes: KeyValuePairs<String, String?>, children: [Node]) {
        self.init(
            name: name,
            attributes: attributes.compactMap { name, value in value.map { Attribute(name: name, value: $0) } },
            children: children
        )
    }

    /// The attribute value to render: `nil` (left out) when `value` equals Twilio's default.
    static func value<Value: Equatable & CustomStringConvertible>(_ value: Value, default defaultValue: Value) -> String? {
        value == defaultValue ? nil : value.description
    }

    /// The attribute value to render for a closed set of strings, `nil` when it is the default.
    static func value<Value: RawRepresentable & Equatable>(_ value: Value, default defaultValue: Value) -> String?
    where Value.RawValue == String {
        value == defaultValue ? nil : value.rawValue
    }

    /// Whether `name` can be written as an element name: ASCII letters, digits, `_`, `-`, `.` and
    /// `:`, not starting with a digit, `-` or `.`.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !"-.0123456789".unicodeScalars.contains(first) else {
            return false
        }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII
                && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.:".unicodeScalars.contains(scalar))
        }
    }

    /// The complete document: XML declaration followed by this element.
    func document() -> String {
        var output = #"<?xml version="1.0" encoding="UTF-8"?>"#
        render(into: &output)
        return output
    }

    /// Appends this element's XML to `output`; elements without content use the `<Name/>` form.
    func render(into output: inout String) {
        output += "<" + name
        for attribute in attributes {
            output += " " + attribute.name + "=\"" + TwiMLEscaping.escape(attribute.value, inAttribute: true) + "\""
        }
        guard !children.isEmpty else {
            output += "/>"
            return
        }
        output += ">"
        for child in children {
            switch child {
            case let .element(element): element.render(into: &output)
            case let .text(text): output += TwiMLEscaping.escape(text, inAttribute: false)
            }
        }
        output += "</" + name + ">"
    }
}
