import TwilioKit

extension VoiceActions {
    static let downloadRecordingMedia = CoreAction(
        "downloadRecordingMedia", title: "Download Recording Media",
        summary: "Give a call recording's media URL (wav or mp3) and, with SaveTo, download the audio into a file.",
        parameters: [
            .init("RecordingSid", .string(.sid("RE")), required: true, "The recording SID (RE…)."),
            .init("Format", .choice(RecordingFormat.allCases.map(\.rawValue)), default: "wav", "The audio format: wav (default) or mp3."),
            .init("SaveTo", .string(.nonEmpty), "A file path to save the audio to; without it, only the URL is given."),
            .init("Overwrite", .boolean, default: false, "Replace the file at SaveTo if it exists (false by default)."),
        ],
        rules: [.requires("Overwrite", ["SaveTo"])]
    ) { input, context throws(ActionFailure) in
        let sid = try input.required("RecordingSid")
        let format = input.string("Format").flatMap(RecordingFormat.init(rawValue:)) ?? .wav
        var result = RecordingMediaResult(recordingSid: sid, format: format, url: context.client.recordings.mediaURL(sid, format: format))
        guard let path = input.string("SaveTo") else { return result }
        let file = try RecordingFile(path: path, overwrite: input.bool("Overwrite") == true, access: context.fileAccess)
        let media = try await twilio { () async throws(TwilioError) in try await context.client.recordings.download(sid, format: format) }
        try file.write(media.bytes)
        result.savedPath = file.url.path
        result.byteCount = media.bytes.count
        result.contentType = media.contentType
        return result
    }
}
