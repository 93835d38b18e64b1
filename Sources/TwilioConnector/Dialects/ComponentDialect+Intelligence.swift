import TwilioKit

extension ComponentDialect {
    static let intelligenceActions: [DialectAction] = [
        action(IntelligenceActions.listTranscripts, outputSchema: listSchema("transcripts", item: transcriptWithSentencesSchema),
               example: ["ServiceSid": "GA00000000000000000000000000000000", "Status": "completed", "limit": 20]) { result in
            ModelRendering.list(result, key: "transcripts", style: renderTranscript)
        },
        action(IntelligenceActions.getTranscripts,
               outputSchema: objectSchema(["transcripts": arraySchema(transcriptWithSentencesSchema), "count": integerSchema]),
               example: ["TranscriptSids": ["GT00000000000000000000000000000000"]]) { results in
            ["transcripts": .array(results.map { .object(renderTranscript($0)) }), "count": .number(Double(results.count))]
        },
    ]

    /// A transcript with, when they were fetched, its sentences and their text joined line by line.
    static func renderTranscript(_ result: TranscriptWithSentences) -> [String: JSONValue] {
        var fields = ComponentRendering.render(result.transcript, phoneNumberFields: [])
        guard let sentences = result.sentences else { return fields }
        fields["sentences"] = .array(sentences.map { .object(ModelRendering.camelCase($0)) })
        fields["transcriptText"] = .string(sentences.compactMap(\.transcript).joined(separator: "\n"))
        return fields
    }

    static let transcriptProperties: [String: JSONValue] = [
        "sid": stringSchema, "accountSid": stringSchema, "serviceSid": stringSchema, "status": stringSchema,
        "dateCreated": dateTimeSchema, "dateUpdated": dateTimeSchema, "duration": integerSchema, "channel": anyObjectSchema,
        "languageCode": stringSchema, "customerKey": stringSchema, "mediaStartTime": stringSchema, "dataLogging": booleanSchema,
        "redaction": booleanSchema, "url": stringSchema, "links": anyObjectSchema,
    ]

    static let sentenceSchema = objectSchema([
        "mediaChannel": integerSchema, "sentenceIndex": integerSchema, "startTime": numberSchema, "endTime": numberSchema,
        "transcript": stringSchema, "confidence": numberSchema, "sid": stringSchema,
    ])

    static let transcriptWithSentencesSchema = objectSchema(
        transcriptProperties.merging(["sentences": arraySchema(sentenceSchema), "transcriptText": stringSchema]) { $1 })
}
