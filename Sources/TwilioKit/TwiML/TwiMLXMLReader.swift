import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads XML text into a ``TwiMLElement`` tree with Foundation's `XMLParser`.
///
/// External entities are never resolved and documents with a `<!DOCTYPE>` are refused before
/// parsing, so a hostile document cannot read files or expand entities.
final class TwiMLXMLReader: NSObject, XMLParserDelegate {
    /// Open elements, innermost last.
    private var stack: [TwiMLElement] = []
    private var root: TwiMLElement?
    private var firstError: (line: Int, column: Int, reason: String)?

    /// Parses `xml` and returns its root element.
    static func read(_ xml: String) throws -> TwiMLElement {
        guard !TwiMLElement.trimmed(xml).isEmpty else {
            throw TwiMLParseError.malformedXML(line: 1, column: 1, reason: "the document is empty")
        }
        guard xml.range(of: "<!DOCTYPE", options: .caseInsensitive) == nil else {
            throw TwiMLParseError.doctypeNotAllowed
        }
        let reader = TwiMLXMLReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        let succeeded = parser.parse()
        if let error = reader.firstError {
            throw TwiMLParseError.malformedXML(line: error.line, column: error.column, reason: error.reason)
        }
        guard succeeded, let root = reader.root else {
            throw TwiMLParseError.malformedXML(
                line: parser.lineNumber,
                column: parser.columnNumber,
                reason: "the document has no root element"
            )
        }
        return root
    }

    func parser(
        _ parser: XMLParser,
        didStartElement elementName: String,
        namespaceURI: String?,
        qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        let attributes = attributeDict.sorted { $0.key < $1.key }.map { TwiMLElement.Attribute(name: $0.key, value: $0.value) }
        stack.append(TwiMLElement(name: elementName, attributes: attributes, children: []))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(.element(element))
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        appendText(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        appendText(String(decoding: CDATABlock, as: UTF8.self))
    }

    /// Records the first well-formedness error. Namespace errors (libxml2 codes 200–299) are
    /// ignored: TwiML is not namespace-aware and Twilio's SSML uses undeclared prefixes such as
    /// `<amazon:effect>`.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard firstError == nil, !(200..<300).contains((parseError as NSError).code) else { return }
        firstError = (parser.lineNumber, parser.columnNumber, Self.reason(for: parseError))
    }

    /// Appends text to the innermost open element, merging it with preceding text.
    private func appendText(_ text: String) {
        guard !stack.isEmpty else { return }
        let index = stack.count - 1
        if case let .text(previous)? = stack[index].children.last {
            stack[index].children[stack[index].children.count - 1] = .text(previous + text)
        } else {
            stack[index].children.append(.text(text))
        }
    }

    /// A readable explanation of an `XMLParser` error.
    ///
    /// The codes are libxml2's `xmlParserErrors`, which Darwin's `XMLParser.ErrorCode` mirrors;
    /// swift-corelibs-foundation reports the same numbers but its enum cases are numbered
    /// differently, so the numbers are matched directly.
    private static func reason(for error: Error) -> String {
        let code = (error as NSError).code
        switch code {
        case 76: return "a closing tag does not match the open element"
        case 5: return "the document ends before all elements are closed, or has content after the root element"
        case 3, 4: return "the document does not start with an element"
        case 68: return "'<' or '&' does not start a tag or entity reference (escape them as &lt; and &amp;)"
        case 86: return "the document has content after the root element"
        case 72, 73, 74, 77, 85: return "a tag is not properly opened or closed"
        case 6...9: return "the document contains a character XML does not allow"
        case 10...30: return "an entity reference is undefined or incomplete (escape & as &amp;)"
        case 38...44, 65, 75: return "an attribute is malformed (values must be quoted; escape < as &lt;)"
        default: return "XML parser error \(code)"
        }
    }
}
