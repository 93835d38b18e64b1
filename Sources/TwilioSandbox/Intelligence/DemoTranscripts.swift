import Foundation

/// The two transcripts every sandbox starts with, in its main account: a long English support
/// call (132 sentences, so sentence lists take several pages) and a short Spanish sales call.
enum DemoTranscripts {
    /// The Voice Intelligence Service the demo transcripts belong to.
    static let serviceSID = "GA5a4db0c05a4db0c05a4db0c05a4db0c0"

    /// The demo transcripts of `accountSID`, the support call created a day before `now`, the
    /// sales call an hour before.
    static func make(accountSID: String, now: Date) -> [TranscriptRecord] {
        let support = TranscriptBuilder(accountSID: accountSID, serviceSID: serviceSID, sourceSID: SID.make("RE"),
                                        callSID: SID.make("CA"), customerKey: "demo-support-call")
        let sales = TranscriptBuilder(accountSID: accountSID, serviceSID: serviceSID, sourceSID: SID.make("RE"),
                                      callSID: SID.make("CA"), languageCode: "es-US", customerKey: "demo-sales-call")
        return [support.build(supportCall, date: now.addingTimeInterval(-86_400)),
                sales.build(salesCall, date: now.addingTimeInterval(-3_600))]
    }

    private static let supportCall: [String] = {
        let opening = [
            "Agent: Thank you for calling Owl Shoes, my name is Sam, how can I help you today?",
            "Customer: Hi Sam, I ordered three pairs of running shoes last week and one of them is the wrong size.",
            "Agent: I am sorry to hear that. Could I have your order number please?",
            "Customer: Sure, it is 4417 2209 and the email on the account is jamie@example.com.",
            "Agent: Thank you. I can see the order, let me go through the items with you.",
            "Customer: Great, thanks.",
        ]
        let items = (1...30).flatMap { item in [
            "Agent: Item \(item) on the order, is that one correct?",
            item.isMultiple(of: 7) ? "Customer: No, item \(item) should be a size nine, not a ten." : "Customer: Yes, item \(item) is fine.",
            "Agent: Noted for item \(item).",
            "Customer: Okay.",
        ] }
        let closing = [
            "Agent: I have arranged a free exchange for the wrong sizes, you will get a label by email.",
            "Customer: Perfect, and my phone number is 415 555 0148 if you need to reach me.",
            "Agent: Is there anything else I can help you with today?",
            "Customer: No, that is everything, thank you Sam.",
            "Agent: Thank you for calling Owl Shoes, have a great day.",
            "Customer: You too, bye.",
        ]
        return opening + items + closing
    }()

    private static let salesCall = [
        "Vendedor: Buenos días, le llamo de Owl Shoes por su consulta sobre zapatillas.",
        "Cliente: Hola, sí, quería saber si tienen descuentos para equipos.",
        "Vendedor: Claro, para pedidos de más de diez pares ofrecemos un quince por ciento.",
        "Cliente: Perfecto, somos doce personas en el club.",
        "Vendedor: Le envío la cotización a su correo hoy mismo.",
        "Cliente: Muchas gracias, hasta luego.",
    ]
}
