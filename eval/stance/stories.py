# Source of eval/stance/stance-gold.jsonl: stories written for the newsflow project (CC0), with their labels.
# Persons and companies are fictional (local ids); countries and international bodies are real names with their
# Wikidata ids, in invented situations. Run: python3 eval/stance/build_gold.py
#
# Each story: id, text, ents {surface: (id, TYPE)} added to COMMON, stances [(holder, POLARITY, snippet of the
# evidence sentence)], quotes [(speaker or None, exact quoted words)].

COMMON = {
    "France": ("Q142", "LOCATION"), "Germany": ("Q183", "LOCATION"), "Britain": ("Q145", "LOCATION"),
    "United States": ("Q30", "LOCATION"), "US": ("Q30", "LOCATION"), "Washington": ("Q30", "LOCATION"),
    "Italy": ("Q38", "LOCATION"), "Spain": ("Q29", "LOCATION"), "Poland": ("Q36", "LOCATION"),
    "Greece": ("Q41", "LOCATION"), "Denmark": ("Q35", "LOCATION"), "Sweden": ("Q34", "LOCATION"),
    "Norway": ("Q20", "LOCATION"), "Finland": ("Q33", "LOCATION"), "the Netherlands": ("Q55", "LOCATION"),
    "Belgium": ("Q31", "LOCATION"), "Austria": ("Q40", "LOCATION"), "Hungary": ("Q28", "LOCATION"),
    "Japan": ("Q17", "LOCATION"), "Tokyo": ("Q17", "LOCATION"), "China": ("Q148", "LOCATION"),
    "Beijing": ("Q148", "LOCATION"), "India": ("Q668", "LOCATION"), "Canada": ("Q16", "LOCATION"),
    "Australia": ("Q408", "LOCATION"), "Brazil": ("Q155", "LOCATION"), "Mexico": ("Q96", "LOCATION"),
    "Turkey": ("Q43", "LOCATION"), "Russia": ("Q159", "LOCATION"), "Moscow": ("Q159", "LOCATION"),
    "Ukraine": ("Q212", "LOCATION"), "Kenya": ("Q114", "LOCATION"), "South Africa": ("Q258", "LOCATION"),
    "Nigeria": ("Q1033", "LOCATION"), "Argentina": ("Q414", "LOCATION"), "Ireland": ("Q27", "LOCATION"),
    "Portugal": ("Q45", "LOCATION"), "Estonia": ("Q191", "LOCATION"), "Latvia": ("Q211", "LOCATION"),
    "Lithuania": ("Q37", "LOCATION"), "Slovakia": ("Q214", "LOCATION"), "Romania": ("Q218", "LOCATION"),
    "Egypt": ("Q79", "LOCATION"), "Chile": ("Q298", "LOCATION"), "Peru": ("Q419", "LOCATION"),
    "Berlin": ("Q183", "LOCATION"), "Paris": ("Q142", "LOCATION"), "London": ("Q145", "LOCATION"),
    "EU": ("Q458", "ORGANIZATION"), "European Union": ("Q458", "ORGANIZATION"), "NATO": ("Q7184", "ORGANIZATION"),
    "United Nations": ("Q1065", "ORGANIZATION"), "IMF": ("Q7804", "ORGANIZATION"),
    "European Commission": ("Q8880", "ORGANIZATION"), "World Health Organization": ("Q7817", "ORGANIZATION"),
    "OPEC": ("Q7795", "ORGANIZATION"), "UEFA": ("Q35572", "ORGANIZATION"), "FIFA": ("Q253414", "ORGANIZATION"),
    "European Central Bank": ("Q8901", "ORGANIZATION"), "Reuters": ("Q130879", "ORGANIZATION"),
    "Financial Times": ("Q180503", "ORGANIZATION"), "Le Monde": ("Q12461", "ORGANIZATION"),
    "Bloomberg": ("Q13977", "ORGANIZATION"), "Der Spiegel": ("Q131478", "ORGANIZATION"),
    "Politico": ("Q7210458", "ORGANIZATION"), "Netherlands": ("Q55", "LOCATION"),
    "WHO": ("Q7817", "ORGANIZATION"),
}

def P(slug):
    return "local:person:" + slug

def O(slug):
    return "local:org:" + slug

G = lambda slug: "local:group:" + slug

STORIES = [
# ----------------------------------------------------------------------------------------------- dev (1-20)
dict(id="s01-fisheries", text=
"Spain and Portugal back new fishing quotas\n\n"
"Spain and Portugal have agreed to support the Commission's proposal on Atlantic fishing quotas, officials said on Monday. "
"Ireland, however, remains reluctant to accept cuts to its mackerel catch. "
"\"We cannot sign a deal that ruins our coastal towns,\" said the Irish fisheries minister, Niamh Brady. "
"\"We will keep talking,\" she added.",
ents={"Niamh Brady": (P("niamh-brady"), "PERSON")},
stances=[("Q29", "SUPPORT", "Spain and Portugal back new fishing quotas"), ("Q45", "SUPPORT", "Spain and Portugal back new fishing quotas"), ("Q29", "SUPPORT", "Spain and Portugal have agreed"), ("Q45", "SUPPORT", "Spain and Portugal have agreed"),
         ("Q27", "HESITANT", "remains reluctant"), (P("niamh-brady"), "OPPOSE", "We cannot sign")],
quotes=[(None, "Spain and Portugal have agreed to support the Commission's proposal on Atlantic fishing quotas"), (P("niamh-brady"), "We cannot sign a deal that ruins our coastal towns"), (P("niamh-brady"), "We will keep talking")]),

dict(id="s02-merger", text=
"Halvorsen shareholders balk at Kestrel bid\n\n"
"The board of Halvorsen Shipping rejected a takeover offer from Kestrel Capital on Tuesday, saying it undervalued the company. "
"Kestrel's chief executive, Marcus Webb, said that the firm was prepared to raise its offer. "
"“We believe this combination makes sense for everyone,” Webb told reporters. "
"Several large investors are cautious about a higher bid, according to Bloomberg.",
ents={"Halvorsen Shipping": (O("halvorsen-shipping"), "ORGANIZATION"), "Halvorsen": (O("halvorsen-shipping"), "ORGANIZATION"),
      "Kestrel Capital": (O("kestrel-capital"), "ORGANIZATION"), "Kestrel": (O("kestrel-capital"), "ORGANIZATION"),
      "Marcus Webb": (P("marcus-webb"), "PERSON"), "Webb": (P("marcus-webb"), "PERSON")},
stances=[(G("halvorsen-shareholders"), "HESITANT", "Halvorsen shareholders balk at Kestrel bid"), (O("halvorsen-shipping"), "OPPOSE", "rejected a takeover offer"),
         (O("kestrel-capital"), "SUPPORT", "prepared to raise its offer"),
         (P("marcus-webb"), "SUPPORT", "We believe this combination")],
quotes=[(P("marcus-webb"), "the firm was prepared to raise its offer"),
        (P("marcus-webb"), "We believe this combination makes sense for everyone")]),

dict(id="s03-un-vote", text=
"Security Council split on Sudan resolution\n\n"
"Russia and China vetoed a draft resolution calling for a ceasefire in Sudan on Wednesday. "
"The United States supported the text, and its ambassador, Karen Liu, said the vetoes were \"a shameful abdication of responsibility.\" "
"India abstained, saying it was not convinced the text would help civilians.",
ents={"Karen Liu": (P("karen-liu"), "PERSON"), "Sudan": ("Q1049", "LOCATION")},
stances=[("Q159", "OPPOSE", "vetoed a draft"), ("Q148", "OPPOSE", "vetoed a draft"), ("Q30", "SUPPORT", "supported the text"),
         ("Q668", "HESITANT", "India abstained")],
quotes=[(P("karen-liu"), "a shameful abdication of responsibility.")]),

dict(id="s04-transfer", text=
"Rovers striker rejects move to Milan\n\n"
"Rovers striker Tomas Varga has rejected a move to AC Milan, his agent said on Friday. "
"\"Tomas is happy here and wants to win the league with Rovers,\" the agent, Paolo Santi, told a radio station. "
"The club's manager, Ellen Hart, said she was not willing to sell her captain in the middle of the season.",
ents={"Tomas Varga": (P("tomas-varga"), "PERSON"), "Tomas": (P("tomas-varga"), "PERSON"), "AC Milan": ("Q1543", "ORGANIZATION"),
      "Rovers": (O("rovers"), "ORGANIZATION"), "Paolo Santi": (P("paolo-santi"), "PERSON"), "Ellen Hart": (P("ellen-hart"), "PERSON")},
stances=[(P("tomas-varga"), "OPPOSE", "has rejected a move"), (P("ellen-hart"), "OPPOSE", "not willing to sell")],
quotes=[(None, "Rovers striker Tomas Varga has rejected a move to AC Milan"), (P("paolo-santi"), "Tomas is happy here and wants to win the league with Rovers"),
        (P("ellen-hart"), "she was not willing to sell her captain in the middle of the season")]),

dict(id="s05-court", text=
"Court hears appeal over river dam\n\n"
"The Supreme Court of Kenya on Thursday heard an appeal by the Tana Farmers Association against the Grand Falls dam. "
"The association opposes the project, arguing that it will flood grazing land. "
"Government lawyers said the dam was essential for the national grid. "
"Justice Miriam Otieno said the court was not yet certain whether it had jurisdiction.",
ents={"Supreme Court of Kenya": ("Q7643357", "ORGANIZATION"), "Tana Farmers Association": (O("tana-farmers"), "ORGANIZATION"),
      "Miriam Otieno": (P("miriam-otieno"), "PERSON")},
stances=[(O("tana-farmers"), "OPPOSE", "The association opposes"), (P("miriam-otieno"), "HESITANT", "not yet certain")],
quotes=[(None, "the dam was essential for the national grid"), (P("miriam-otieno"), "the court was not yet certain whether it had jurisdiction")]),

dict(id="s06-sanctions", text=
"Hungary blocks new sanctions package\n\n"
"Hungary blocked a new package of EU sanctions on Thursday, while Slovakia said it had reservations about the oil measures. "
"The Baltic states and Poland are in favour of tougher measures. "
"“Europe cannot look away,” the Estonian prime minister, Liis Tamm, said. “We must act now, not in six months.”",
ents={"Liis Tamm": (P("liis-tamm"), "PERSON")},
stances=[("Q28", "OPPOSE", "Hungary blocks new sanctions package"), ("Q28", "OPPOSE", "Hungary blocked"), ("Q214", "HESITANT", "it had reservations"),
         (G("baltic-states"), "SUPPORT", "are in favour of tougher"), ("Q36", "SUPPORT", "are in favour of tougher")],
quotes=[(P("liis-tamm"), "Europe cannot look away"), (P("liis-tamm"), "We must act now, not in six months.")]),

dict(id="s07-climate", text=
"Oil producers resist fossil fuel phase-out\n\n"
"A group of oil producers led by Saudi Arabia opposed any mention of a fossil fuel phase-out at the climate talks, delegates said. "
"Small island states welcomed the draft, but said it did not go far enough. "
"Brazil is cautious, according to two negotiators, and wants more money for forests first.",
ents={"Saudi Arabia": ("Q851", "LOCATION")},
stances=[("Q851", "OPPOSE", "opposed any mention"), ("Q155", "HESITANT", "Brazil is cautious")],
quotes=[(None, "A group of oil producers led by Saudi Arabia opposed any mention of a fossil fuel phase-out at the climate talks")]),

dict(id="s08-strike", text=
"Rail union rejects pay offer\n\n"
"The National Rail Workers Union rejected the latest pay offer from Transit Co on Monday. "
"Its general secretary, Dave Molloy, said members were \"ready to strike again unless the company moves on pensions.\" "
"Transit Co said it was disappointed but remained committed to talks.",
ents={"National Rail Workers Union": (O("nrwu"), "ORGANIZATION"), "Transit Co": (O("transit-co"), "ORGANIZATION"),
      "Dave Molloy": (P("dave-molloy"), "PERSON")},
stances=[(O("nrwu"), "OPPOSE", "rejected the latest pay offer"), (O("transit-co"), "SUPPORT", "remained committed to talks")],
quotes=[(P("dave-molloy"), "ready to strike again unless the company moves on pensions."),
        (O("transit-co"), "it was disappointed but remained committed to talks")]),

dict(id="s09-election", text=
"Senator undecided on tax bill\n\n"
"Senator Rosa Delgado said on Tuesday that she was still undecided on the tax bill. "
"“I need to see the numbers,” she said. “Until then I will not vote for anything.” "
"Her colleague Senator Jim Parr has endorsed the bill.",
ents={"Rosa Delgado": (P("rosa-delgado"), "PERSON"), "Jim Parr": (P("jim-parr"), "PERSON")},
stances=[(P("rosa-delgado"), "HESITANT", "still undecided"), (P("jim-parr"), "SUPPORT", "has endorsed the bill")],
quotes=[(P("rosa-delgado"), "she was still undecided on the tax bill"), (P("rosa-delgado"), "I need to see the numbers"),
        (P("rosa-delgado"), "Until then I will not vote for anything.")]),

dict(id="s10-nato-spending", text=
"Allies divided on defence spending target\n\n"
"Canada and Belgium are hesitant to commit to a new spending target of 3.5 percent, Politico reports. "
"The Nordic countries support the target, and Finland has pledged to reach it by 2027. "
"Spain is not willing to raise spending that fast, its defence minister said.",
ents={},
stances=[("Q16", "HESITANT", "are hesitant to commit"), ("Q31", "HESITANT", "are hesitant to commit"),
         (G("nordic-countries"), "SUPPORT", "The Nordic countries support"), ("Q33", "SUPPORT", "has pledged"),
         ("Q29", "OPPOSE", "not willing to raise")],
quotes=[(None, "Spain is not willing to raise spending that fast")]),

dict(id="s11-ai-rules", text=
"Tech firms split over AI rules\n\n"
"Nimbus Labs supports the proposed AI safety law, its chief executive, Priya Raman, said in an interview. "
"“Rules build trust,” Raman said. "
"Rival Orbital Systems criticised the bill, calling it premature. "
"Industry groups are sceptical, according to the Financial Times.",
ents={"Nimbus Labs": (O("nimbus-labs"), "ORGANIZATION"), "Priya Raman": (P("priya-raman"), "PERSON"), "Raman": (P("priya-raman"), "PERSON"),
      "Orbital Systems": (O("orbital-systems"), "ORGANIZATION")},
stances=[(O("nimbus-labs"), "SUPPORT", "Nimbus Labs supports"), (O("orbital-systems"), "OPPOSE", "criticised the bill")],
quotes=[(P("priya-raman"), "Nimbus Labs supports the proposed AI safety law"), (P("priya-raman"), "Rules build trust")]),

dict(id="s12-grain", text=
"Turkey pushes to revive grain corridor\n\n"
"Turkey is ready to host new talks on the Black Sea grain corridor, the foreign ministry said on Sunday. "
"Russia has not agreed to resume shipments, and Moscow accused Kyiv of using the corridor for attacks. "
"Ukraine welcomed the offer.",
ents={"Kyiv": ("Q212", "LOCATION")},
stances=[("Q43", "SUPPORT", "Turkey pushes to revive grain corridor"), ("Q43", "SUPPORT", "Turkey is ready to host"), ("Q159", "OPPOSE", "has not agreed to resume"),
         ("Q212", "SUPPORT", "Ukraine welcomed the offer")],
quotes=[(None, "Turkey is ready to host new talks on the Black Sea grain corridor")]),

dict(id="s13-cup-final", text=
"Coach fumes over referee\n\n"
"‘We were robbed,’ said Harbour City coach Lena Fischer after the cup final. ‘Everyone saw the handball.’ "
"The league said it would not review the decision. "
"Fischer's captain, Joe Amadi, was more measured. \"It is too early to blame anyone,\" he said.",
ents={"Harbour City": (O("harbour-city"), "ORGANIZATION"), "Lena Fischer": (P("lena-fischer"), "PERSON"),
      "Fischer": (P("lena-fischer"), "PERSON"), "Joe Amadi": (P("joe-amadi"), "PERSON")},
stances=[(P("joe-amadi"), "HESITANT", "too early to blame")],
quotes=[(P("lena-fischer"), "We were robbed"), (P("lena-fischer"), "Everyone saw the handball."),
        (None, "it would not review the decision"), (P("joe-amadi"), "It is too early to blame anyone")]),

dict(id="s14-rates", text=
"ECB holds rates, signals caution\n\n"
"The European Central Bank kept interest rates unchanged on Thursday. "
"Its president, Elena Marquez, said the bank was not ready to cut rates while wage growth stayed high. "
"\"We are cautious,\" she told a news conference. \"Inflation is not yet beaten.\" "
"Germany's finance minister welcomed the decision, according to Reuters.",
ents={"Elena Marquez": (P("elena-marquez"), "PERSON")},
stances=[(P("elena-marquez"), "OPPOSE", "not ready to cut"), (P("elena-marquez"), "HESITANT", "We are cautious"),
         ("Q183", "SUPPORT", "welcomed the decision")],
quotes=[(P("elena-marquez"), "the bank was not ready to cut rates while wage growth stayed high"),
        (P("elena-marquez"), "We are cautious"), (P("elena-marquez"), "Inflation is not yet beaten.")]),

dict(id="s15-border", text=
"Austria and Hungary reject migration pact\n\n"
"Austria and Hungary rejected the migration pact at a summit in Brussels on Friday. "
"Italy supports the pact only if the EU funds more reception centres, an Italian official said. "
"Sweden, Denmark and the Netherlands have endorsed it.",
ents={"Brussels": ("Q239", "LOCATION")},
stances=[("Q40", "OPPOSE", "Austria and Hungary reject migration pact"), ("Q28", "OPPOSE", "Austria and Hungary reject migration pact"), ("Q40", "OPPOSE", "rejected the migration pact"), ("Q28", "OPPOSE", "rejected the migration pact"),
         ("Q38", "HESITANT", "Italy supports the pact only if"), ("Q34", "SUPPORT", "have endorsed it"),
         ("Q35", "SUPPORT", "have endorsed it"), ("Q55", "SUPPORT", "have endorsed it")],
quotes=[]),

dict(id="s16-pharma", text=
"Regulator approves obesity drug\n\n"
"Health regulators approved Medora's obesity drug on Wednesday. "
"Patient groups welcomed the approval, but insurers are reluctant to pay for it. "
"\"The price is simply too high,\" said Alan Cho, who leads the Insurers Federation. "
"Medora's chief executive said that the company was willing to discuss discounts.",
ents={"Medora": (O("medora"), "ORGANIZATION"), "Alan Cho": (P("alan-cho"), "PERSON"),
      "Insurers Federation": (O("insurers-federation"), "ORGANIZATION")},
stances=[(O("medora"), "SUPPORT", "willing to discuss discounts")],
quotes=[(P("alan-cho"), "The price is simply too high"), (None, "the company was willing to discuss discounts")]),

dict(id="s17-summit-japan", text=
"Japan cautious on joining naval mission\n\n"
"Japan is cautious about joining the naval mission in the Red Sea, the Japanese foreign minister, Kenji Mori, said on Monday. "
"He said Tokyo would decide after consulting parliament. "
"Australia and Canada have agreed to send ships.",
ents={"Kenji Mori": (P("kenji-mori"), "PERSON"), "Red Sea": ("Q23406", "LOCATION")},
stances=[("Q17", "HESITANT", "Japan cautious on joining naval mission"), ("Q17", "HESITANT", "Japan is cautious"), ("Q408", "SUPPORT", "have agreed to send"), ("Q16", "SUPPORT", "have agreed to send")],
quotes=[(P("kenji-mori"), "Japan is cautious about joining the naval mission in the Red Sea")]),

dict(id="s18-stadium", text=
"Council rejects stadium plan\n\n"
"Riverside council voted against the new stadium plan on Tuesday night. "
"Mayor Sara Quinn, who had backed the project, said she was disappointed. "
"\"We will look at other options,\" Quinn said, adding that the club was still committed to the town.",
ents={"Riverside": (O("riverside-council"), "ORGANIZATION"), "Sara Quinn": (P("sara-quinn"), "PERSON"), "Quinn": (P("sara-quinn"), "PERSON")},
stances=[(O("riverside-council"), "OPPOSE", "voted against"), (P("sara-quinn"), "SUPPORT", "had backed the project")],
quotes=[(P("sara-quinn"), "We will look at other options"), (P("sara-quinn"), "the club was still committed to the town")]),

dict(id="s19-ceasefire", text=
"Rebels reject ceasefire terms\n\n"
"The Northern Front rejected the ceasefire terms offered by the government, a spokesman for the group said. "
"“They are playing games with people's lives,” the spokesman, Omar Fadel, said. "
"The government said it remained open to talks but would not withdraw its troops.",
ents={"Northern Front": (O("northern-front"), "ORGANIZATION"), "Omar Fadel": (P("omar-fadel"), "PERSON")},
stances=[(O("northern-front"), "OPPOSE", "rejected the ceasefire terms"), (P("omar-fadel"), "OPPOSE", "They are playing games")],
quotes=[(P("omar-fadel"), "They are playing games with people's lives")]),

dict(id="s20-tariffs", text=
"Mexico hesitant on steel deal\n\n"
"Mexico is hesitant to sign the steel agreement unless Washington lifts its tariffs first, Reuters reported on Monday. "
"Canada has agreed to the deal. "
"“We are not against an agreement, but we need guarantees,” Mexico's economy minister, Lucia Reyes, said.",
ents={"Lucia Reyes": (P("lucia-reyes"), "PERSON")},
stances=[("Q96", "HESITANT", "Mexico hesitant on steel deal"), ("Q96", "HESITANT", "Mexico is hesitant"), ("Q16", "SUPPORT", "Canada has agreed"),
         (P("lucia-reyes"), "HESITANT", "We are not against")],
quotes=[(P("lucia-reyes"), "We are not against an agreement, but we need guarantees")]),

# ----------------------------------------------------------------------------------------- held-out (21-44)
dict(id="s21-wheat", text=
"Egypt weighs wheat offers\n\n"
"Egypt is considering a Russian wheat offer but has not agreed to any contract yet, two traders said. "
"India said that it was unwilling to lift its export ban before the harvest.",
ents={},
stances=[("Q79", "HESITANT", "Egypt weighs wheat offers"), ("Q79", "HESITANT", "is considering"), ("Q668", "OPPOSE", "unwilling to lift")],
quotes=[(None, "Egypt is considering a Russian wheat offer but has not agreed to any contract yet"),
        ("Q668", "it was unwilling to lift its export ban before the harvest")]),

dict(id="s22-olympics", text=
"Athletes split over Games boycott\n\n"
"The Norwegian Olympic Committee opposes a boycott of the Games, its president, Kari Lund, said. "
"“Sport should build bridges,” Lund said. “A boycott hurts athletes, not governments.” "
"Several athletes said they were not sure they would travel.",
ents={"Norwegian Olympic Committee": (O("norwegian-olympic-committee"), "ORGANIZATION"), "Kari Lund": (P("kari-lund"), "PERSON"),
      "Lund": (P("kari-lund"), "PERSON")},
stances=[(O("norwegian-olympic-committee"), "OPPOSE", "opposes a boycott"), (P("kari-lund"), "OPPOSE", "A boycott hurts")],
quotes=[(P("kari-lund"), "The Norwegian Olympic Committee opposes a boycott of the Games"), (P("kari-lund"), "Sport should build bridges"),
        (P("kari-lund"), "A boycott hurts athletes, not governments."), (None, "they were not sure they would travel")]),

dict(id="s23-bank-fine", text=
"Bank to appeal record fine\n\n"
"Norland Bank will appeal the record fine imposed by the financial regulator, the bank said in a statement on Friday. "
"The regulator's head, Grace Olsen, said she was confident the fine would stand. "
"Investors appeared unconcerned, and the shares rose 2 percent.",
ents={"Norland Bank": (O("norland-bank"), "ORGANIZATION"), "Grace Olsen": (P("grace-olsen"), "PERSON")},
stances=[(O("norland-bank"), "OPPOSE", "will appeal")],
quotes=[(P("grace-olsen"), "she was confident the fine would stand")]),

dict(id="s24-troops-baltic", text=
"Germany to station brigade in Lithuania\n\n"
"Germany has agreed to station a brigade in Lithuania by 2027, the German defence minister, Jonas Keller, said on Tuesday. "
"Lithuania welcomed the decision. "
"The opposition Left Party is against the deployment, and its leader said it was \"a dangerous provocation.\"",
ents={"Jonas Keller": (P("jonas-keller"), "PERSON"), "Left Party": (O("left-party"), "ORGANIZATION")},
stances=[("Q183", "SUPPORT", "Germany to station brigade in Lithuania"), ("Q183", "SUPPORT", "Germany has agreed"), ("Q37", "SUPPORT", "Lithuania welcomed"),
         (O("left-party"), "OPPOSE", "is against the deployment")],
quotes=[(P("jonas-keller"), "Germany has agreed to station a brigade in Lithuania by 2027"), (None, "a dangerous provocation.")]),

dict(id="s25-chips", text=
"Netherlands hesitant on chip export curbs\n\n"
"The Netherlands remains hesitant to extend export controls on chip machines, according to people familiar with the talks. "
"Washington wants the curbs widened. "
"“We make our own decisions,” the Dutch trade minister, Anouk de Vries, said. “But we are listening.”",
ents={"Anouk de Vries": (P("anouk-de-vries"), "PERSON")},
stances=[("Q55", "HESITANT", "Netherlands hesitant on chip export curbs"), ("Q55", "HESITANT", "remains hesitant")],
quotes=[(P("anouk-de-vries"), "We make our own decisions"), (P("anouk-de-vries"), "But we are listening.")]),

dict(id="s26-football-league", text=
"Clubs oppose Super League revival\n\n"
"Premier League clubs oppose any revival of the breakaway Super League, the league said on Monday. "
"UEFA welcomed the statement. "
"A22, the company behind the project, said it was still willing to talk to clubs.",
ents={"A22": (O("a22"), "ORGANIZATION"), "Super League": (O("super-league"), "ORGANIZATION")},
stances=[(G("premier-league-clubs"), "OPPOSE", "clubs oppose any revival"), ("Q35572", "SUPPORT", "UEFA welcomed"),
         (O("a22"), "SUPPORT", "still willing to talk")],
quotes=[(None, "Premier League clubs oppose any revival of the breakaway Super League"), (O("a22"), "it was still willing to talk to clubs")]),

dict(id="s27-court-media", text=
"Judge rejects request to close trial\n\n"
"Judge Helen Park rejected a request from the defence to hold the trial behind closed doors. "
"“Open justice is not negotiable,” she wrote in her ruling. "
"Defence lawyer Victor Hale said that his client would appeal.",
ents={"Helen Park": (P("helen-park"), "PERSON"), "Victor Hale": (P("victor-hale"), "PERSON")},
stances=[(P("helen-park"), "OPPOSE", "rejected a request")],
quotes=[(P("helen-park"), "Open justice is not negotiable"), (P("victor-hale"), "his client would appeal")]),

dict(id="s28-pipeline", text=
"Canada province resists pipeline\n\n"
"The premier of British Columbia, Maya Singh, said on Thursday that the province would not support the new pipeline. "
"\"Our coast is not for sale,\" Singh said. "
"Alberta's premier welcomed Ottawa's decision to approve the route.",
ents={"British Columbia": ("Q1973", "LOCATION"), "Maya Singh": (P("maya-singh"), "PERSON"), "Singh": (P("maya-singh"), "PERSON"),
      "Alberta": ("Q1951", "LOCATION"), "Ottawa": ("Q16", "LOCATION")},
stances=[("Q1973", "OPPOSE", "would not support"), ("Q16", "SUPPORT", "decision to approve"),
         ("Q1951", "SUPPORT", "Alberta's premier welcomed")],
quotes=[(P("maya-singh"), "the province would not support the new pipeline"), (P("maya-singh"), "Our coast is not for sale")]),

dict(id="s29-vaccine", text=
"WHO backs new malaria vaccine\n\n"
"The World Health Organization has endorsed a second malaria vaccine for children. "
"Nigeria and Kenya said they were ready to start vaccinations next year. "
"Some experts are sceptical about the supply, according to Le Monde.",
ents={},
stances=[("Q7817", "SUPPORT", "WHO backs new malaria vaccine"), ("Q7817", "SUPPORT", "has endorsed"), ("Q1033", "SUPPORT", "ready to start"), ("Q114", "SUPPORT", "ready to start")],
quotes=[]),

dict(id="s30-strike-airline", text=
"Pilots vote to strike\n\n"
"Pilots at SkyBridge voted for a strike over pay, their union said on Saturday. "
"SkyBridge's chief executive, Tom Reilly, said the airline was not prepared to reopen the deal. "
"\"The offer is fair,\" he said. \"It stays on the table.\"",
ents={"SkyBridge": (O("skybridge"), "ORGANIZATION"), "Tom Reilly": (P("tom-reilly"), "PERSON")},
stances=[(P("tom-reilly"), "OPPOSE", "not prepared to reopen")],
quotes=[(P("tom-reilly"), "the airline was not prepared to reopen the deal"), (P("tom-reilly"), "The offer is fair"),
        (P("tom-reilly"), "It stays on the table.")]),

dict(id="s31-eu-enlargement", text=
"Enlargement talks stall\n\n"
"France and the Netherlands are reluctant to open new chapters in the accession talks, diplomats said. "
"Poland and the Baltic states support a faster process. "
"“It is premature to set a date,” a French diplomat said.",
ents={},
stances=[("Q142", "HESITANT", "are reluctant"), ("Q55", "HESITANT", "are reluctant"), ("Q36", "SUPPORT", "support a faster"),
         (G("baltic-states"), "SUPPORT", "support a faster")],
quotes=[(None, "France and the Netherlands are reluctant to open new chapters in the accession talks"),
        (None, "It is premature to set a date")]),

dict(id="s32-telecom", text=
"Regulator blocks telecom merger\n\n"
"The competition authority blocked the merger of Telva and Connecta on Monday. "
"Telva said it was disappointed and would consider an appeal. "
"Consumer groups welcomed the ruling.",
ents={"Telva": (O("telva"), "ORGANIZATION"), "Connecta": (O("connecta"), "ORGANIZATION")},
stances=[(O("telva"), "HESITANT", "would consider an appeal")],
quotes=[(O("telva"), "it was disappointed and would consider an appeal")]),

dict(id="s33-chile-mining", text=
"Chile lithium plan draws criticism\n\n"
"Chile's plan to nationalise lithium mining was criticised by mining companies on Tuesday. "
"Peru said it had no plans to follow. "
"“We respect Chile's choice, but we are not convinced,” said Peru's mining minister, Carlos Vega.",
ents={"Carlos Vega": (P("carlos-vega"), "PERSON")},
stances=[(P("carlos-vega"), "HESITANT", "we are not convinced")],
quotes=[("Q419", "it had no plans to follow"), (P("carlos-vega"), "We respect Chile's choice, but we are not convinced")]),

dict(id="s34-tennis", text=
"Players reject new calendar\n\n"
"Top players rejected the new tour calendar on Wednesday. "
"World number one Ana Petrova said she would not play the extra events. "
"\"Nobody asked us,\" she said. Tour chief Mark Dunn said the calendar was final.",
ents={"Ana Petrova": (P("ana-petrova"), "PERSON"), "Mark Dunn": (P("mark-dunn"), "PERSON")},
stances=[(P("ana-petrova"), "OPPOSE", "would not play")],
quotes=[(P("ana-petrova"), "she would not play the extra events"), (P("ana-petrova"), "Nobody asked us"),
        (P("mark-dunn"), "the calendar was final")]),

dict(id="s35-gas", text=
"Gulf states back output cut\n\n"
"Gulf states backed a further cut in oil output at the OPEC meeting in Vienna. "
"Nigeria was hesitant, saying it needed the revenue. "
"The cut was approved late on Sunday.",
ents={"Vienna": ("Q1741", "LOCATION")},
stances=[(G("gulf-states"), "SUPPORT", "Gulf states back output cut"), (G("gulf-states"), "SUPPORT", "backed a further cut"), ("Q1033", "HESITANT", "Nigeria was hesitant")],
quotes=[]),

dict(id="s36-israel-talks", text=
"Mediators push for hostage deal\n\n"
"Egypt and Qatar are ready to host a new round of talks, Egyptian officials said. "
"Israel's prime minister said the offer was \"a step in the right direction\" but refused to commit to a date. "
"Hamas did not respond.",
ents={"Qatar": ("Q846", "LOCATION"), "Israel": ("Q801", "LOCATION"), "Hamas": ("Q38799", "ORGANIZATION")},
stances=[("Q79", "SUPPORT", "ready to host"), ("Q846", "SUPPORT", "ready to host"), ("Q801", "OPPOSE", "refused to commit")],
quotes=[(None, "Egypt and Qatar are ready to host a new round of talks"), (None, "a step in the right direction")]),

dict(id="s37-housing", text=
"Mayor backs rent cap\n\n"
"London mayor Ruth Adeyemi backs a cap on rents, she said on Thursday. "
"Landlord groups oppose it. "
"The government is cautious and wants more evidence, a minister said.",
ents={"Ruth Adeyemi": (P("ruth-adeyemi"), "PERSON")},
stances=[(P("ruth-adeyemi"), "SUPPORT", "backs a cap")],
quotes=[(P("ruth-adeyemi"), "London mayor Ruth Adeyemi backs a cap on rents"),
        (None, "The government is cautious and wants more evidence")]),

dict(id="s38-space", text=
"ESA members split on launcher funding\n\n"
"Germany and Italy support more money for the new launcher, while France has reservations about the cost, Der Spiegel reports. "
"Spain did not oppose the plan.",
ents={},
stances=[("Q183", "SUPPORT", "Germany and Italy support"), ("Q38", "SUPPORT", "Germany and Italy support"),
         ("Q142", "HESITANT", "France has reservations"), ("Q29", "NEUTRAL", "Spain did not oppose")],
quotes=[]),

dict(id="s39-argentina-imf", text=
"Argentina and IMF near deal\n\n"
"Argentina has agreed to new spending targets in talks with the IMF, the economy ministry said. "
"The IMF's managing director, Laura Becker, said she was cautiously optimistic. "
"\"There is still work to do,\" Becker said in Washington.",
ents={"Laura Becker": (P("laura-becker"), "PERSON"), "Becker": (P("laura-becker"), "PERSON")},
stances=[("Q414", "SUPPORT", "Argentina has agreed"), (P("laura-becker"), "HESITANT", "cautiously optimistic")],
quotes=[(None, "Argentina has agreed to new spending targets in talks with the IMF"),
        (P("laura-becker"), "she was cautiously optimistic"), (P("laura-becker"), "There is still work to do")]),

dict(id="s40-cricket", text=
"Board refuses to tour\n\n"
"The South African cricket board refused to send its team on the winter tour, citing security. "
"\"We cannot take that risk,\" its chairman, Sipho Dlamini, said. "
"He added that the board would reconsider if guarantees were given.",
ents={"Sipho Dlamini": (P("sipho-dlamini"), "PERSON")},
stances=[(P("sipho-dlamini"), "OPPOSE", "We cannot take that risk")],
quotes=[(P("sipho-dlamini"), "We cannot take that risk"), (P("sipho-dlamini"), "the board would reconsider if guarantees were given")]),

dict(id="s41-aid", text=
"Donors hesitate on reconstruction fund\n\n"
"Japan and South Korea are hesitant to pledge money to the reconstruction fund before a ceasefire holds, officials said. "
"Norway has pledged 500 million dollars. "
"The EU is willing to contribute if other donors join, according to a draft seen by Reuters.",
ents={"South Korea": ("Q884", "LOCATION")},
stances=[("Q17", "HESITANT", "are hesitant to pledge"), ("Q884", "HESITANT", "are hesitant to pledge"),
         ("Q20", "SUPPORT", "Norway has pledged"), ("Q458", "HESITANT", "willing to contribute if")],
quotes=[(None, "Japan and South Korea are hesitant to pledge money to the reconstruction fund before a ceasefire holds")]),

dict(id="s42-pharma-court", text=
"Court blocks drug patent extension\n\n"
"A federal court rejected Medora's bid to extend its patent on Thursday. "
"“We strongly disagree with the ruling,” Medora said in a statement, adding that it would appeal. "
"Generic makers welcomed the decision.",
ents={"Medora": (O("medora"), "ORGANIZATION")},
stances=[(O("medora"), "OPPOSE", "We strongly disagree")],
quotes=[(O("medora"), "We strongly disagree with the ruling"), (O("medora"), "it would appeal")]),

dict(id="s43-romania", text=
"Romania ready to host air base expansion\n\n"
"Romania is ready to host more allied aircraft at its Black Sea base, the Romanian president, Dan Popa, told reporters. "
"“We are on the front line,” he said. “We want our allies here.” "
"Bulgaria has not decided.",
ents={"Dan Popa": (P("dan-popa"), "PERSON"), "Bulgaria": ("Q219", "LOCATION")},
stances=[("Q218", "SUPPORT", "Romania ready to host air base expansion"), ("Q218", "SUPPORT", "Romania is ready"), (P("dan-popa"), "SUPPORT", "We want our allies here"), ("Q219", "HESITANT", "has not decided")],
quotes=[(P("dan-popa"), "Romania is ready to host more allied aircraft at its Black Sea base"),
        (P("dan-popa"), "We are on the front line"), (P("dan-popa"), "We want our allies here.")]),

dict(id="s44-brazil-trade", text=
"Brazil backs trade pact, farmers object\n\n"
"Brazil supports the trade pact with the EU, the Brazilian foreign minister, Paulo Lima, said on Friday. "
"French farmers objected to the deal, and France said it was not ready to sign it in its current form. "
"\"We need guarantees on beef,\" a French official said.",
ents={"Paulo Lima": (P("paulo-lima"), "PERSON")},
stances=[("Q155", "SUPPORT", "Brazil backs trade pact, farmers object"), ("Q155", "SUPPORT", "Brazil supports"), ("Q142", "OPPOSE", "not ready to sign")],
quotes=[(P("paulo-lima"), "Brazil supports the trade pact with the EU"), ("Q142", "it was not ready to sign it in its current form"),
        (None, "We need guarantees on beef")]),
]
