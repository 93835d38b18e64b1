import Foundation

/// Why a TwiML document could not be parsed.
public enum TwiMLParseError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The text is not well-formed XML; `line` and `column` are 1-based.
    case malformedXML(line: Int, column: Int, reason: String)
    /// The document has a `<!DOCTYPE>`, which TwiML never needs and which could expand entities.
    case doctypeNotAllowed
    /// The root element is not `<Response>`.
    case unexpectedRoot(String)
    /// `element` contains a child element it does not allow.
    case unexpectedElement(String, parent: String)
    /// `element` appears more than once in `parent`, which allows it only once.
    case duplicateElement(String, parent: String)
    /// `element` contains text although it only allows child elements (or nothing).
    case unexpectedText(element: String)
    /// `element` lacks the text content it requires, e.g. the URL of `<Redirect>`.
    case missingContent(element: String)
    /// `element` lacks a required attribute.
    case missingAttribute(element: String, attribute: String)
    /// An attribute has a value of the wrong type or outside its allowed set.
    case invalidAttribute(element: String, attribute: String, value: String, expected: String)

    /// A sentence saying what is wrong and where.
    public var description: String {
        switch self {
        case let .malformedXML(line, column, reason):
            "Malformed XML at line \(line), column \(column): \(reason)"
        case .doctypeNotAllowed:
            "TwiML documents must not contain a <!DOCTYPE> declaration"
        case let .unexpectedRoot(name):
            "The root element must be <Response>, found <\(name)>"
        case let .unexpectedElement(name, parent):
            "<\(parent)> cannot contain <\(name)>"
        case let .duplicateElement(name, parent):
            "<\(parent)> can contain only one <\(name)>"
        case let .unexpectedText(element):
            "<\(element)> cannot contain text"
        case let .missingContent(element):
            "<\(element)> requires text content"
        case let .missingAttribute(element, attribute):
            "<\(element)> requires the \(attribute) attribute"
        case let .invalidAttribute(element, attribute, value, expected):
            "<\(element)> attribute \(attribute)=\"\(value)\" is invalid: expected \(expected)"
        }
    }

    /// The same text as ``description``, for `localizedDescription`.
    public var errorDescription: String? { description }
}
