"""Capitalised words of clinical writing that are not people, written for this product.

The identifier detector (assistant/answering/phi_words.py) treats a capitalised word it cannot
place as a name: where unsure, redact. These lists are what it can place: drug brand names,
the surnames that became eponyms (signs, scores, syndromes, manoeuvres, devices), the bodies
that write guidelines, and countries, regions, cities, nationalities and languages. All lower
case; compared with a word's lower case. The lists are deliberately broad, not fitted to any
question set; a word that is also a given name or a frequent surname on the census lists
(knowledge/name_words.py) was left out of the later additions (Florence, Chelsea, Lincoln), so a
patient of that name is never cleared as a place or a thing.

A city is a Safe Harbor identifier when it is where the patient lives: being a place here only
means it is no *person*; the address rules (assistant/answering/phi_rules.py) still redact the
town of an address and a town someone lives in ("lives alone in Leeds").
"""

from __future__ import annotations

BRANDS = frozenset(
    """
    walmart walgreens kroger costco meijer publix safeway albertsons hy-vee jewel-osco lloyds
    watsons vaseline aquaphor desitin clorox vicks vaporub
    lutathera dengvaxia nuplazid curam leqembi revolade encorton
    verquvo kerendia fluenz camila sintrom clopilet
    dosepak posey monoferric imovane nolotil vraylar budenofalk zavicefta stilpane jadelle
    coloplast convatec dansac erbe asimtufii epilim
    bronchitol anavip crofab nutrison hartmann
    spinraza zolgensma evrysdi lipiodol galafold pergoveris ontozry vydura gliolan mavenclad
    lemtrada epidyolex firdapse benepali nerivio aubagio gilenya kesimpta mayzent zeposia
    ponvory vumerity plegridy rebif avonex betaferon copaxone briumvi briviact fycompa
    zonegran trileptal zebinix inovelon sabril diacomit fintepla buccolam aimovig ajovy
    emgality vyepti nurtec madopar stalevo duodopa apokyn neupro azilect xadago ongentys
    rytary cimzia simponi actemra roactemra kevzara olumiant rinvoq jyseleca cosentyx taltz
    bimzelx benlysta saphnelo amgevita imraldi hyrimoz idacio yuflyma hulio truxima rixathon
    inflectra remsima flixabi erelzi arava salazopyrin otezla vesicare betmiga detrusitol
    toviaz avodart combodart xtandi zytiga erleada nubeqa firmagon prostap decapeptyl eligard
    instillagel kaftrio orkambi symkevo kalydeco trikafta translarna strensiq crysvita
    vimizim naglazyme aldurazyme elaprase cerezyme vpriv fabrazyme replagal myozyme lumizyme
    nexviadyme luxturna ovaleap rekovelle elonva orgalutran fyremadel pregnyl utrogestan
    crinone lubion
    nebido alendronic synacthen
    urgo mobiderm targaxan
    oestrogel kyleena benzathine emzor risek
    kymriah yescarta tecartus carvykti abecma breyanzi
    gadovist dotarem primovist omnipaque visipaque hemabate pregnacare curosurf gonal-f
    menopur cetrotide ovitrelle cyclogest
    bepanthen parvolex clozaril zaponex denzapine zam-buk
    jynneos imvanex alpron waterpik
    abilify actos adalat adderall advair advil afinitor aldactone aleve allegra altace amaryl
    ambien amoxil anusol aricept arimidex arixtra atarax ativan augmentin avandia avapro avelox
    azulfidine bactrim bactroban baqsimi benadryl benicar betaloc biktarvy bisoprolol boniva
    brilinta brilique buscopan bydureon byetta calpol canesten cardizem cardura catapres
    ceftin celebrex celexa cialis cipro cipralex ciproxin claritin clexane clomid colace
    concerta coreg cozaar creon crestor cymbalta dalacin decadron deltasone depakote descovy
    desyrel dexilant diamox differin diflucan dilantin dilaudid dioralyte diovan dolophine
    doribax dostinex duragesic dulcolax duphalac durogesic dymista effexor effient elavil
    eliquis emla enbrel entresto epipen epilim epogen ergocalciferol esomeprazole eucreas
    eucerin exforge farxiga fasenra femara fentora flagyl flexeril flomax flonase flovent
    fosamax fragmin fybogel gabitril gaviscon genvoya glucagen glucobay glucophage glucotrol
    gvoke halcion humalog humira humulin hydrea imdur imitrex imodium inderal invanz invega
    invokana istin janumet januvia jardiance jantoven kaletra keflex keppra kenalog klonopin
    kloxxado lamictal lanoxin lantus lasix levaquin levemir levitra levothroid lexapro librium
    lipitor lithobid lopressor losec lovenox lucentis lustral lyrica macrobid maintena
    medrol methadose micardis microgynon minocin mirena mobic motilium motrin mounjaro
    movicol ms mscontin mucinex multaq myfortic namenda naprosyn narcan nasonex neoral
    nexium nexplanon niaspan nitrostat nizoral norco norvasc novolog novorapid nurofen
    nuvaring odefsey ocrevus omnipaxx ondansetron onglyza opdivo orencia ortho oxycontin
    oxynorm ozempic paxil pepcid percocet periactin persantine phenergan plaquenil plavix
    pradaxa pravachol premarin prevacid prilosec prinivil pristiq procardia prograf prolia
    propecia proscar protonix provera prozac pulmicort qvar ranexa rapamune reglan relprevv
    relvar remeron remicade requip restoril revlimid rhinocort risperdal ritalin rituxan
    robaxin robitussin rocephin roxicodone rybelsus salofalk sandimmune saxenda senokot
    seretide seroquel sevredol sinemet singulair skyrizi solu soliqua sominex sonata spiriva
    sprycel stelara strattera sublocade suboxone subutex sudafed sustanon symbicort synthroid
    tagrisso tamiflu tarceva tazocin tecfidera tegretol temazepam tenormin teva tivicad toradol
    gravol diclectin hemovac pleur-evac ellipta
    toujeo tradjenta trelegy tresiba triumeq trintellix truvada trulicity tylenol tysabri
    ultram uniphyl valium valtrex vasotec ventolin verelan vfend viagra vicodin victoza
    vimpat vivitrol voltaren voltarol vyvanse wegovy wellbutrin xanax xarelto xeljanz xenical
    xifaxan xolair yasmin zanaflex zantac zestril zetia ziac zithromax zocor zofran zoladex
    zoloft zomig zostavax zosyn zovirax zyban zyloprim zyprexa zyrtec zytiga shingrix
    arexvy abrysvo beyfortus gardasil prevnar pneumovax vaxneuvance heplisav engerix twinrix
    fluzone flublok fluad comirnaty spikevax novavax boostrix adacel daptacel pentacel
    pediarix rotateq rotarix varivax proquad menveo menquadfi bexsero trumenba havrix vaqta
    typhim vivotif ixiaro dukoral
    hedrin fendrix dalivit sytron ella
    atrovent haldol oramorph zomorph sevredol oxynorm longtec matrifen abstral actiq instanyl
    neulasta neupogen pabrinex septrin elaprase propess prostin cervidil syntocinon syntometrine
    ergometrine evohaler accuhaler turbohaler easyhaler fostair flutiform symbicort duoresp
    trimbow anoro incruse spiolto braltus seebri ultibro paxlovid lagevrio veklury evusheld
    ronapreve xevudy sando sandocal adcal calcichew fultium invita desunin forceval thiamine
    kay-cee-l slow-k phosphate-sandoz fleet picolax moviprep klean-prep plenvu laxido cosmocol
    fortisip ensure fresubin scandishake calogen thick-and-easy resource nutilis oralimpact
    cetraben diprobase doublebase epaderm hydromol zerobase aveeno dermol oilatum
    daktarin daktacort trimovate fucidin fucibet eumovate betnovate dermovate elocon
    flixonase beconase avamys otomize sofradex otosporin maxitrol betnesol predsol
    chloromycetin optrex hylo-tear viscotears xalatan lumigan travatan cosopt azopt
    gaviscon peptac rennie ranitidine omeprazole lansoprazole zantac nexium
    kapake co-codamol co-dydramol co-amoxiclav co-trimoxazole co-careldopa co-beneldopa
    madopar stalevo sinemet requip mirapexin neupro azilect xadago
    epilim epanutin tegretol trileptal keppra briviact lamictal zonegran fycompa vimpat
    buccolam epistatus hypnovel rivotril frisium stesolid diazemuls
    largactil stemetil buccastem maxolon motilium kytril zofran emend cyclimorph
    clexane fragmin innohep arixtra lixiana edoxaban savaysa bevyxxa andexxa praxbind
    octaplex beriplex kcentra novoseven cyklokapron
    humulin novomix humalog mix lyumjev fiasp apidra insulatard levemir abasaglar semglee
    tresiba toujeo xultophy suliqua ozempic rybelsus victoza trulicity byetta bydureon
    forxiga jardiance invokana steglatro janumet jentadueto galvus eucreas trajenta
    metabet glucobay starlix novonorm diamicron amaryl daonil tolbutamide
    ferinject monofer cosmofer venofer diafer ferrograd galfer feospan pregaday
    medtronic abbott zoll impella libre lifevest micra dexcom omnipod biotronik minimed
    medtrum eversense kardia lifepak philips stryker baxter fresenius braun hickman picc
    keytruda yervoy tecentriq imfinzi herceptin avastin dupixent rinvoq otezla cosentyx taltz
    tremfya entyvio simponi cimzia actemra kevzara olumiant kesimpta aimovig ajovy emgality
    nurtec ubrelvy repatha praluent leqvio vyndaqel camzyos verquvo kerendia zepbound xigduo
    synjardy glyxambi qtern segluromet invokamet prevenar spravato epclusa mavyret harvoni
    tegaderm mepilex opsite allevyn aquacel duoderm kaltostat inadine iodoflex granuflex
    comfeel biatain tielle intrasite purilon cavilon medihoney sorbsan prontosan flamazine
    bactigras jelonet atrauman airvo optiflow nippy trilogy astral servo evita alaris graseby
    cadd freestyle accu-chek onetouch contour guardian tandem kwikpen flexpen flextouch solostar
    pfizer moderna lilly bayer merck msd novartis roche sanofi gsk glaxosmithkline astrazeneca
    janssen boehringer ingelheim takeda amgen gilead biogen novo nordisk mylan viatris sandoz
    hikma masimo paykel drager dräger mindray kohden welch allyn hillrom arjo covidien ethicon
    olympus storz zimmer biomet hologic convatec coloplast hollister molnlycke mölnlycke
    teleflex vygon bard becton dickinson hamilton
    zometa ibrance kisqali verzenio enhertu lynparza zejula rubraca brukinsa imbruvica
    calquence venclexta phesgo perjeta kadcyla herceptin padcev trodelvy imraldi amgevita
    hyrimoz idacio yuflyma hulio kesimpta aclasta xgeva tukysa nerlynx tagrisso alecensa
    lorviqua xalkori zykadia retevmo gavreto lumykras krazati tepmetko tabrecta erleada nubeqa
    xtandi zytiga lonsurf stivarga inlyta cabometyx lenvima nexavar sutent votrient afinitor
    marevan postinor ellaone cerazette cerelle hana rigevidon microgynon logynon yasmin
    yaz lucette dretine zoely qlaira femodene millinette cilest evra nuvaring depo-provera
    sayana noriday norgeston brevinor ovranette levest maexeni rigevidon dianette clairette
    luforbec fostair clenil kelhale soprobec qvar asmol foracort seretide flutiform symbicort
    duoresp bricanyl ventolin airomir salamol easyhaler spiriva braltus incruse anoro trelegy
    basalog basaglar infanrix bexsero rotarix covishield covaxin imojev rabipur verorab
    boostrix repevax revaxis priorix mmrvaxpro pediacel vaxelis prevenar menveo nimenrix
    iodosorb flaminal mepitel mepilex silvercel acticoat aquacel prontosan actimaris
    fortisip fortijuce ensure juce nepro renilon neocate nutramigen aptamil smofkabiven olimel
    kabiven clinimix peptamen jevity osmolite fresubin
    dermeze pinetarsol boroline hylo-forte hylo eylea vabysmo lucentis beovu ozurdex
    dolo myprodol panado panadol osteo herron blackmores difene ponstan zandu amrutanjan
    cardiprin astrix cartia disprin solpadeine nurofen calpol piriton med-lemon woodward
    buckley lennon liv
    ondexxya octaplex beriplex beyfortus synagis levora sharobel portia venflon ulta clinell
    plasmalyte plasma-lyte lyte sugammadex cefiderocol buvidal riamet qdenga manuka
    kangaroo amika flocare sherlock thopaz ambu olympus sara stedy midi oxford puritan
    aciloc akynzeo aloxi amlong aquagel avanza avil azithral becosules butec butrans calcimax
    caphosol cetzine chlorvescent cifran cilacar cipramil clopilet cocodamol colecalciferol
    coloxyl combiflam corsodyl cremaffin crocin cubicin cyclizine cyclopam difflam digene
    dihydrocodeine domstal drotin dulcoflex dytor ecosprin efexor effentora eltroxin emeset
    endone ensureplus evion flixotide forcan fortijuice gelusil glucogel glycomet haloperidol
    hyoscine hypostop instillagel klacid konakion kwells lemsip levocet levomepromazine limcee
    lucozade meftal merrem metrogyl microlax monocef montair naloxone neurobion norflox norspan
    nozinan nyxoid oflox omez ondem oraldene ordine palexia panadeine pantocid pariet pecfent
    perinorm prenoxad rantac rosuvas sancuso scopoderm serepax shelcal shortec solpadol somac
    stamlo stilnox storvas sucral targin taxim telma temaze thyronorm tramacet transtec ural
    vacutainer valoid vancocin zapain zifi zincovit zinetac zyvox
    actrapid afluria alaxan alprax amlodipine arcoxia aropax atacand bioflu biogesic brufen
    caduet cathflo cervarix coumadin coversyl decolgen diabex diaformin diatabs durotram
    dymadon endep ezetrol feldene flotrac fluarix flucelvax heparin hepsal iscover isoptin
    jubbonti kalma karvea lidco lithicarb lovan medicol menactra mersyndol mixtard naprogesic
    neozep noten nuvaxovid optisulin orudis panamax pharmapress picco plendil protaphane
    quilonum ryzodeg solian solmux stamaril sustenna toprol tramal trinza tritace tuseran
    valdoxan vaxigrip vaxzevria vigileo vytorin xeplion zartan zydol
    maviret bonjela tisseel duraphat ervebo oxbryta voxelotor casgevy modafinil
    elvanse zarzio accofil euthatal dolethal gudair heptavac leptavoid elekta blueteq
    adiro bentelan aulin polopiryna rutinoscorbin algocalmin paduden spasfon daflon isabgol
    joshanda banlangen
    xofluza mircera velphoro pantoloc warticon aldara sunlenca levonelle unigold bioline
    honeywell kofax circadin imcivree proshield funeralcare databank smokefree medwatch
    lexicomp multum afirma thyroseq
    """.split()
)

EPONYMS = frozenset(
    """
    kidd duffy lutheran fugl-meyer bromage bier modic brodie borrmann
    sudeck volkmann semmelweis dorr brøset broset bush-francis sanford
    charcot-leyden clauss rancho amigos
    caird capgras hegar goodell banff maastricht tzanck naranjo henderson-hasselbalch
    loeys-dietz li-fraumeni beckwith-wiedemann wolf-hirschhorn digeorge birt-hogg-dubé
    birt-hogg-dube osler-weber-rendu stein-leventhal mayer-rokitansky-küster-hauser rokitansky
    tay-sachs niemann-pick canavan ghent beighton angelman prader-willi smith-lemli-opitz
    wiskott-aldrich peutz-jeghers hippel-lindau sturge-weber klippel-trenaunay ehlers-danlos
    charcot-marie-tooth waardenburg alport bardet-biedl alström alstrom joubert zellweger
    menkes krabbe pompe sanfilippo morquio maroteaux-lamy lesch-nyhan goldenhar holt-oram
    moebius möbius kallmann emery-dreifuss dravet lennox-gastaut ohtahara landau-kleffner
    aicardi cowden gorlin muir-torre turcot bannayan diamond-blackfan shwachman-diamond
    kostmann chediak-higashi bernard-soulier glanzmann sandhoff kearns-sayre
    pelizaeus-merzbacher refsum crigler-najjar dubin-johnson alagille budd-chiari asherman
    sertoli leydig müllerian mullerian wolffian swyer uhthoff lambert-eaton nesbit millin
    d'amico likert
    burch-wartofsky lanterman-petris-short
    paprosky checketts-otterburn wolff-chaikoff gustilo-anderson
    bolitho
    mohs baux hinchey baveno
    reiter judkins mobitz ponseti ondine kübler-ross kubler-ross thayer-martin
    auer howell-jolly durie-salmon kell
    tyrer cuzick tyrer-cuzick judet hill-sachs bosniak bhutani couvelaire cusco ockenden
    shirodkar deauville eklund starr-edwards seacole
    bagolini esterman maddox keeler humphrey
    moro finnegan broselow caldicott guthrie sarnat
    addison addisonian adson allen alzheimer apgar argyll asperger babinski baker barlow
    barrett bartter battle beck becker beckwith bell bence berg bernard bishop blatchford
    bouchard braden brown brudzinski brugada buerger burkitt caldwell chadwick charcot
    cheyne chiari child chvostek colles conn coombs crigler crohn cullen curling cushing
    dandy de dix dressler dubin duchenne dupuytren ebstein edinger edwards ehlers eisenmenger
    epley epworth erb ewing fabry fallot fanconi felty finkelstein fitzpatrick foley fontan
    fournier friedreich froment galeazzi gaucher gilbert glasgow gleason goodpasture gottron
    gower graves grey guillain hallpike hamman hartmann hashimoto heberden heimlich henoch
    hickman hirschsprung hodgkin holter homan homans horner hunter huntington hurler
    jarisch jones kaposi kartagener kawasaki kayser kehr kernig kernohan kimmelstiel
    klinefelter korsakoff krukenberg kussmaul lachman lambert lasegue legg lhermitte
    lichtenstein lou ludwig lyme mallampati mallory marfan marjolin mcburney mcmurray meckel
    meige meniere ménière merkel monteggia morse munchausen murphy naegele nikolsky noonan
    clavien dindo
    ortolani osgood osler paget pancoast parkinson parkland patau perthes peutz peyronie
    phalen pott prader prinzmetal ranson raynaud reiter reye richter riedel rinne romberg
    rosving rovsing salter schatzki schilling seldinger sengstaken shy sheehan simmonds
    sjögren sjogren smith stevens still stokes sturge swan tanner tay thompson tietze tinel
    todd tourette trendelenburg trousseau turner valsalva virchow von waldenström waterhouse
    waterlow weber wegener weil wells wernicke westermark whipple willebrand wilms wilson
    wolff zenker zollinger ganz cockcroft gault friderichsen willis wood mantoux
    rockall rankin mcgill norton stetson ottawa canadian geneva caprini padua khorana johnson
    edinburgh marsden jenner lister nightingale churchill fleming laennec
    wexner karnofsky lund browder wallace pemberton barré barre séquard sequard white
    adams hunt hess fisher spetzler clark breslow dukes ann arbor gehrig bristol
    ebola zika marburg lassa dengue chikungunya nipah hendra rift hanta
    alvarado wellens cormack lehane macintosh mcgrath miller truelove witts bazett fridericia
    hartford janeway duke quervain adie holmes kleihauer betke doppler mcroberts woods rubin
    zavanelli neville barnes kielland wrigley simpson cook swartz koop rankin tokyo atlanta
    vienna montreal rome sydney seattle oxford edmonton boston denver framingham nottingham
    achilles bankart hill sachs jefferson hangman galeazzi smith barton colles bennett rolando
    salter harris gustilo weber lauge hansen garden schatzker neer mason frykman hawkins
    thompson finkelstein phalen tinel durkan spurling lasègue lasegue patrick faber gaenslen
    mcmurray apley lachman pivot drawer trendelenburg ortolani barlow galeazzi allis
    wartenberg roos adson wright hoffmann chaddock oppenheim gordon schaeffer gonda
    kernig brudzinski lhermitte romberg unterberger fukuda dix hallpike halmagyi epley semont
    lempert gufoni rinne weber schwabach hennebert tullio valsalva toynbee politzer
    bell ramsay hunt horner argyll robertson marcus gunn holmes adie parinaud foville
    millard gubler weber benedikt claude wallenberg dejerine roussy brown sequard
    gerstmann anton balint korsakoff wernicke broca heschl papez meynert luschka magendie
    monro kellie cushing beck kussmaul cheyne stokes biot grey turner cullen fox kehr
    murphy boas courvoisier rovsing psoas obturator mcburney dunphy markle carnett
    blumberg trousseau chvostek hamman westermark hampton fleischner kerley
    quincke osler janeway roth splinter duroziez corrigan musset traube muller hill
    austin flint graham steell carey coombs ewart dressler kussmaul pulsus
    wolff parkinson white lown ganong levine brugada wellens sgarbossa smith modified
    lewy pick creutzfeldt jakob gerstmann sträussler scheinker binswanger
    henoch schönlein schonlein kawasaki takayasu wegener churg strauss behçet behcet
    sjögren reiter still felty caplan raynaud buerger mönckeberg monckeberg
    hashimoto graves plummer riedel de quervain pendred sheehan simmonds nelson conn
    bartter gitelman liddle fanconi alport goodpasture berger kimmelstiel wilson
    zollinger ellison menetrier ménétrier whipple barrett mallory weiss boerhaave
    plummer vinson peutz jeghers gardner turcot lynch cowden courvoisier klatskin
    charcot reynolds mirizzi bouveret budd chiari gilbert crigler najjar dubin rotor
    hirschsprung meckel ladd kasai nissen toupet dor heller billroth roux whipple
    hartmann miles lockhart mummery seton goodsall salmon
    dukes tnm gleason breslow clark nottingham bloom richardson scarff
    hodgkin burkitt waldenström kaposi merkel ewing wilms krukenberg virchow sister joseph
    trousseau pancoast horner kaposi
    apgar ballard dubowitz silverman bishop robson friedman philpott
    glasgow blatchford rockall forrest child pugh meld ranson imrie atlanta marshall
    wells geneva caprini padua khorana perc ottawa canadian nexus denver
    curb psi pesi gcs news qsofa sofa apache saps mews pews
    waterlow braden norton morse barthel katz lawton rockwood fried edmonton clinical
    mallampati cormack lehane wilson el ganzouri arne
    epworth stop bang berlin
    nyha killip forrester tnm framingham qrisk
    holter doppler swan ganz seldinger hickman broviac groshong portacath foley coude
    minnesota sengstaken blakemore linton ryles salem
    guedel igel macintosh mcgrath miller bougie eschmann frova
    kirschner steinmann denham thomas gallows bryant russell buck chagas pavlik graf bakri
    lynch holliday segar pfannenstiel sternberg somogyi trissel centor mckinley schnider
    abbe addenbrooke amsler apert asherman balfour bartholin beevor bovie coxsackie deaver
    dieulafoy flacc gad giemsa gigli glanzmann gorlin gram heaf hugger ishihara jacksonian
    kallmann kasabach kienbock klumpke kocher koplik korotkoff langenbeck langerhans leishman
    libman lisfranc liston lugol lundh maddrey magill mapleson masson mcisaac meigs metzenbaum
    milroy mmse moca münchausen neelsen painad pap papanicolaou phq quantiferon rett romanowsky
    sezary snellen tensilon troisier venturi waldenstrom wenckebach westergren widal wintrobe
    yankauer yergason ziehl
    gillick caldicott bolam bournewood
    maddocks neer yocum speed roos leiden
    herxheimer lancefield lemierre lowenstein löwenstein whooley ryle kikuchi fujimoto tarasoff
    goldmann
    pozzi champy bichat
    cvek hanau kois cawood
    magrath ommaya johne paul-bunnell löwenstein-jensen lowenstein-jensen cairo-bishop
    claeys-leonetti
    """.split()
)

# Bodies and schemes that write or pay for clinical guidance, by the words of their names.
BODIES = frozenset(
    """
    ornge
    daman thiqa
    tresillian karitane barnardo
    dvla middlemore
    sunnybrook rcpath
    galop fenway croí croi healthline sandyford konsulta
    leder bliss
    caredoc southdoc centrelink siemens
    osha cdc fda nih who nice sign aha acc ada idsa ats ers esc acog aap acip usptf uspstf ahrq
    cms medicare medicaid tricare nhs rcog rcp rcn bnf mhra ema asco nccn acr kdigo gold
    gina easl aasld accp chest shea apic joint commission leapfrog ihi nhsn vha va dod
    samhsa niaid nci nhlbi niddk ninds nimh nida niaaa hrsa ihs osha jama bmj lancet nejm
    cochrane uptodate lexicomp micromedex ashp ismp usp
    aetna cigna humana bupa anthem optum medibank
    medsafe pharmac tga sahpra hiqa hse nphet ahpra nmbi hpcsa moh nzgg pbs
    bliss sands samaritans pieta nspcc barnardos
    nhia nhis
    """.split()
)

# Genera of microbes, written capitalised alone ("Klebsiella CPE positive", "Candida in the
# line"): the species after a genus is read in assistant/answering/phi_words.py.
GENERA = frozenset(
    """
    tinospora paragonimus
    erysipelothrix saccharopolyspora hardjo pomona copenhageni ballum australis
    klebsiella pseudomonas enterobacter acinetobacter serratia citrobacter proteus morganella
    providencia salmonella shigella listeria legionella neisseria haemophilus bordetella
    brucella burkholderia stenotrophomonas enterococcus staphylococcus streptococcus
    clostridium clostridioides candida aspergillus cryptococcus mycobacterium escherichia
    campylobacter helicobacter yersinia vibrio rickettsia chlamydia mycoplasma treponema
    borrelia leptospira nocardia actinomyces bacteroides fusobacterium prevotella pasteurella
    bartonella coxiella francisella giardia plasmodium toxoplasma trichomonas entamoeba
    cryptosporidium mucor rhizopus fusarium pneumocystis histoplasma blastomyces
    coccidioides strongyloides schistosoma echinococcus taenia ascaris enterobius loa
    """.split()
)

# More towns of the UK, Ireland, New Zealand and Australia, for a town typed after whom it is
# home to ("mum in aberystwyth"). Not among PLACES: a capitalised word the lists do not know is
# flagged as a name, which for a town is the right call (it is where someone lives).
HOME_TOWNS = frozenset(
    """
    aberystwyth tallaght dungarvan wigan rochdale stockport salford burnley blackpool
    gateshead darlington hartlepool huddersfield barnsley doncaster chesterfield nottingham
    grimsby scunthorpe harrogate whitby swindon gloucester cheltenham hereford shrewsbury
    telford walsall crewe warrington widnes runcorn southport wirral birkenhead bootle
    ipswich colchester chelmsford basildon southend maidstone canterbury folkestone
    eastbourne worthing guildford woking basingstoke bournemouth weymouth taunton yeovil
    barnstaple torquay paignton truro penzance wrexham llandudno rhyl carmarthen llanelli
    merthyr pontypridd caerphilly bridgend motherwell kilmarnock dumfries dunfermline
    kirkcaldy falkirk lerwick kirkwall stornoway drogheda dundalk navan athlone mullingar
    tullamore portlaoise kilkenny carlow wexford waterford clonmel thurles tralee killarney
    sligo letterkenny castlebar ballina cavan lisburn newry omagh enniskillen coleraine
    ballymena craigavon portadown tauranga rotorua whanganui invercargill timaru whangarei
    gisborne geelong ballarat bendigo wollongong townsville toowoomba rockhampton launceston
    dubbo tamworth wagga bundaberg mildura shepparton kalgoorlie bunbury rockingham mandurah
    frankston dandenong parramatta penrith blacktown campbelltown
    """.split()
)

# Cities, towns, counties and regions of the world a question names (a patient's home, a
# relative's, a trip's): the town where someone lives is an identifier, a country is not.
CITIES = frozenset(
    """
    aberdeen abuja accra ahmedabad algiers amman amsterdam anchorage ankara antwerp assam
    athens auckland baghdad bali balochistan baltimore bangalore bangkok barcelona basel bath
    beijing beirut belfast belgrade bengal bengaluru bern bihar bilbao birmingham bologna
    bordeaux brighton brisbane brussels bucharest budapest busan calgary cambridge canberra
    cardiff casablanca cebu chengdu chennai chicago chittagong christchurch cincinnati cologne
    colombo connacht copenhagen cork cornwall coventry crimea crimean croydon dakar damascus
    davao delhi derby derry detroit dhaka doha dubai dublin dundee dunedin durban dusseldorf
    essex exeter frankfurt freetown gaborone galway gdansk genoa goa guangdong guangzhou
    gujarat halifax hamburg hangzhou hanoi hantaan harare helsinki hobart honolulu hubei
    hyderabad inverness islamabad islington istanbul izmir jakarta jeddah jerusalem
    johannesburg kampala karachi karnataka kathmandu kensington kerala kharkiv khartoum khyber
    kiev kigali kinshasa kolkata kowloon krakow kumasi kyiv kyoto lagos lahore lambeth
    lancashire leeds leicester leinster lille lilongwe limerick lisbon liverpool louisville
    luanda lusaka luton lviv macau maharashtra manchester manila maputo marrakech marseille
    mecca melbourne memphis miami middlesbrough milwaukee minneapolis minsk mombasa monrovia
    moscow mumbai munich munster muscat nairobi nanjing nantes naples nashville newcastle
    newport norwich nsw odesa odisha osaka oslo paddington penang perth petersburg philadelphia
    pittsburgh plymouth portland porto portsmouth prague pretoria pune punjab rajasthan raleigh
    reading reykjavik riyadh rotterdam sacramento saigon sarajevo saskatoon seoul seville
    shanghai shenzhen sindh southampton southwark soweto stockholm stoke strasbourg stuttgart
    sunderland surabaya surrey sussex swansea taipei tampa tehran thessaloniki tianjin tirana
    tooting toronto toulouse tripoli tucson tunis turin ulster utrecht vancouver vegas venice
    vientiane wandsworth warsaw wellington westminster whitechapel windhoek winnipeg
    wolverhampton wroclaw wuhan xian yangon yokohama yorkshire zagreb zurich
    lethbridge kelowna kamloops nanaimo moncton fredericton sudbury oshawa mississauga
    brampton gatineau sherbrooke laval longueuil burnaby abbotsford coquitlam guelph kitchener
    barrie peterborough sarnia timmins yellowknife iqaluit charlottetown saguenay
    okanagan boston seattle denver atlanta omaha tulsa albuquerque spokane boise tacoma fresno
    bakersfield modesto anaheim indianapolis toledo akron lansing wichita topeka lubbock
    amarillo shreveport knoxville chattanooga greensboro asheville harrisburg allentown
    scranton syracuse albany hartford worcester newark trenton annapolis fairbanks juneau
    reno scottsdale tempe provo cheyenne bismarck fargo duluth columbus
    makkah madinah taif qassim buraidah dammam khobar tabuk abha jazan sharjah ajman fujairah
    salalah nizwa manama muharraq sapporo nagoya fukuoka kobe sendai hiroshima saitama
    chiba okinawa naha burwood tygerberg harborview lurie malayan
    """.split()
)

# Countries, their nations and continents, and the states and provinces of the US, Canada and
# Australia: no one's address, since Safe Harbor removes only places smaller than a state ("is
# that live in England?", "going home to Malawi", "if I don't live in Queensland").
COUNTRIES = frozenset(
    """
    afghanistan africa albania algeria america americas angola argentina armenia asia
    australia austria bahamas bangladesh barbados belarus belgium belize benin bolivia bosnia
    botswana brazil britain bulgaria burma burundi cambodia cameroon canada chad chile china
    colombia congo croatia cuba cyprus denmark ecuador egypt england eritrea estonia eswatini
    ethiopia europe fiji finland france gabon gambia germany ghana greece guatemala guinea
    guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
    jamaica japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon lesotho
    liberia libya lithuania luxembourg madagascar malawi malaysia mali malta mexico moldova
    mongolia morocco mozambique myanmar namibia nepal netherlands nicaragua niger nigeria
    norway oman pakistan panama paraguay peru philippines poland portugal qatar romania
    russia rwanda scotland senegal serbia singapore slovakia slovenia somalia spain sudan
    sweden switzerland syria taiwan tajikistan tanzania thailand togo tunisia turkey uganda
    ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe uk usa uae
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia wisconsin wyoming ontario quebec québec
    alberta manitoba saskatchewan nunavut yukon queensland tasmania
    """.split()
) | frozenset(
    " ".join(country.split())
    for country in """south africa, new zealand, united states, united kingdom, saudi arabia,
    sri lanka, el salvador, sierra leone, northern ireland, south sudan, costa rica,
    puerto rico, dominican republic, czech republic, south korea, north korea, ivory coast,
    papua new guinea, trinidad and tobago, new york state, north carolina, south carolina,
    north dakota, south dakota, new mexico, new jersey, new hampshire, rhode island, west
    virginia, british columbia, nova scotia, new brunswick, prince edward island, new south
    wales, western australia, south australia, northern territory""".split(",")
)

PLACES = CITIES | frozenset(
    """
    portrane mountjoy polmont malabar brunei pokhara salford nnewi nassau
    goldfields broadmoor rampton ashworth mildmay mulago colindale kirketon
    crumlin lugano clydesdale sylheti darija
    papworth vellore chandigarh pgimer lido nikshay ni-kshay poshan yojana pm-jay taglish
    raigmore glangwili morriston llandough rookwood grampian ninewells wishaw monklands
    hairmyres ysbyty cymraeg gaelic diolch ashkenazi berber sephardi mizrahi
    nunavik kotzebue samoa tiwi oglala
    romanian bulgarian lithuanian latvian estonian hungarian slovak slovenian croatian
    serbian bosnian albanian moldovan belarusian armenian azerbaijani kazakh uzbek afghan
    pakistani bangladeshi filipino indonesian malay cambodian laotian mongolian tibetan
    iranian iraqi syrian lebanese jordanian palestinian israeli egyptian libyan tunisian
    algerian moroccan sudanese eritrean ethiopian kenyan ugandan tanzanian rwandan congolese
    nigerian ghanaian gambian senegalese ivorian cameroonian zimbabwean zambian malawian
    mozambican angolan namibian jamaican trinidadian barbadian guyanese cuban colombian
    venezuelan peruvian chilean argentinian bolivian ecuadorian guatemalan honduran salvadoran
    nicaraguan fijian norwegian danish finnish icelandic austrian swiss belgian maltese
    cypriot chechen aus
    victorian
    sheffield rotherham ganges bethlehem calvary kozhikode shivamogga gorakhpur madura
    malaysian
    afghanistan africa african albania algeria america american americas angola arab arabia
    arabic argentina armenia asia asian atlantic australia australian austria bahamas
    bangladesh barbados belarus belgium belize benin bolivia bosnia botswana brazil
    brazilian britain british bulgaria burma burundi cambodia cameroon canada canadian
    caribbean chad chile china chinese colombia congo croatia cuba cyprus czech denmark
    dominican dutch ecuador egypt england english eritrea estonia ethiopia europe european
    fiji finland france french gabon gambia georgia german germany ghana greece greek
    guatemala guinea guyana haiti haitian honduras hungary iceland india indian indonesia
    iran iraq ireland irish israel italian italy jamaica japan japanese jordan kazakhstan
    kenya korea korean kosovo kuwait laos latvia lebanon liberia libya lithuania luxembourg
    harefield
    madagascar malawi malaysia mali malta mediterranean mexican mexico moldova mongolia
    morocco mozambique myanmar namibia nepal netherlands nicaragua niger nigeria nile norway
    oman pacific pakistan panama paraguay persian peru philippines poland polish portugal
    portuguese qatar romania russia russian rwanda saudi scotland scottish senegal serbia
    sierra leone singapore slovakia slovenia somalia south north east west spain spanish
    sudan sweden swedish switzerland syria taiwan tajikistan tanzania thailand thai tibet
    togo tunisia turkey turkish uganda ukraine ukrainian uruguay uzbekistan venezuela
    vietnam vietnamese wales welsh yemen zambia zimbabwe latin latino latina hispanic
    afrikaans isizulu isixhosa sesotho setswana tswana krio twi
    tagalog urdu hindi bengali punjabi gujarati swahili yoruba igbo hausa amharic somali
    farsi pashto dari mandarin cantonese creole tigrinya tigre oromo kurdish kurmanji sorani
    tamil telugu malayalam kannada marathi sinhala nepali burmese khmer lao hmong tongan
    s'gaw sgaw pwo karenni mixteco mixtec zapoteco triqui marshallese chuukese kosraean
    pohnpeian dzongkha
    samoan maori aboriginal inuit métis metis muslim muslims islam islamic sikh sikhs hindu
    hindus jewish jew jews christian christians catholic catholics buddhist buddhists
    jehovah mormon amish orthodox protestant jummah jumuah auslan
    māori whānau whanau tikanga iwi hapū hapu kaumātua kaumatua tangihanga tūpāpaku tupapaku
    karakia marae kaupapa hauora wairua whakapapa pākehā pakeha aotearoa rongoā rongoa
    makaton
    ojibwe ojibway oji-cree inuktitut innu dene mi'kmaq mikmaq haudenosaunee anishinaabe
    navajo diné lakota dakota apache hopi cherokee choctaw ojibwa yupik iñupiaq inupiaq
    pitjantjatjara warlpiri yolngu yolŋu arrernte kriol torres noongar nyungar
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey mexico
    york carolina dakota ohio oklahoma oregon pennsylvania rhode tennessee texas utah vermont
    virginia washington wisconsin wyoming bahrain ontario quebec alberta manitoba saskatchewan
    nunavut yukon nova scotia brunswick newfoundland labrador queensland tasmania
    mater flinders
    sverige norge noreg danmark suomi suomessa suomen ísland íslandi færøyene færøerne
    grønland åland västerbotten norrbotten skåne jämtland dalarna värmland jylland sjælland
    finnmark troms nordland trøndelag vestland rogaland lappi lapin pohjanmaa uusimaa oslo
    trondheim tromsø bodø göteborg malmö uppsala umeå linköping örebro aarhus odense aalborg
    helsinki tampere turku oulu kuopio reykjavík akureyri
    cancun cancún kilimanjaro puerto
    wythenshawe bethesda
    """.split()
)

# Towns and regions that are also given names or frequent surnames: places only where the
# words before say travel ("trip to Darwin", "back from Florence"); elsewhere a person.
TOWNS_NAMED_LIKE_PEOPLE = frozenset(
    """
    adelaide alexandria antonio austin bradford cairo camden charlotte chelsea chester
    cleveland dallas darwin devon florence hackney houston hull jordan kent lancaster lincoln
    london lyon madrid medina milan milton orlando palermo paris phoenix regina richmond
    sheffield sofia sydney valencia victoria georgia carolina virginia madison marion vernon
    augusta eugene savannah jackson kerry
    """.split()
)

# Peoples and their languages named like people: a people only before a group's or a
# language's noun or after a language's word ("a Karen family", "validated in S'gaw Karen").
PEOPLES_NAMED_LIKE_PEOPLE = frozenset("karen chin kachin shan".split())

# Places of more than one word, whose words alone may be names ("Sierra", "Leone", "South").
PLACE_PHRASES = (
    "new england",
    "north west",
    "southern ocean",
    "east arnhem",
    "east kent",
    "east grinstead",
    "sri lankan",
    "harold's cross",
    "torres strait",
    "arctic sun",
    "bair hugger",
    "mepilex border",
    "new south wales",
    "sierra leone",
    "hong kong",
    "new york",
    "new zealand",
    "sri lanka",
    "south africa",
    "saudi arabia",
    "costa rica",
    "puerto rico",
    "el salvador",
    "burkina faso",
    "ivory coast",
    "cote d'ivoire",
    "united states",
    "united kingdom",
    "northern ireland",
    "new jersey",
    "new mexico",
    "new hampshire",
    "west virginia",
    "north carolina",
    "south carolina",
    "north dakota",
    "south dakota",
    "rhode island",
    "nova scotia",
    "new brunswick",
    "british columbia",
    "prince edward island",
    "northern territory",
    "western australia",
    "south australia",
    "tel aviv",
    "abu dhabi",
    "ben taub",
    "city of hope",
    "royal london",
    "queen mary",
    "yong loo lin",
    "li ka shing",
    "st john",
    "ambulance victoria",
    "al ain",
    "ras al khaimah",
    "mount elizabeth",
    "mubarak al-kabeer",
    "south asians",
    "east asians",
    "kuala lumpur",
    "addis ababa",
    "dar es salaam",
    "cape town",
    "los angeles",
    "san francisco",
    "san diego",
    "san antonio",
    "las vegas",
    "new orleans",
    "phnom penh",
    "ho chi minh",
    "rio de janeiro",
    "sao paulo",
    "são paulo",
    "buenos aires",
    "mexico city",
    "new delhi",
    "middle east",
    "far east",
    "south east asia",
    "southeast asia",
    "east africa",
    "west africa",
    "central africa",
    "north africa",
    "central america",
    "south america",
    "latin america",
    "east timor",
    "papua new guinea",
    "solomon islands",
    "cook islands",
    "marshall islands",
    "trinidad and tobago",
    "dominican republic",
    "czech republic",
    "central african republic",
    "bosnia and herzegovina",
    "north macedonia",
    "isle of man",
    "channel islands",
    "west midlands",
    "east midlands",
    "greater manchester",
    "west yorkshire",
    "south yorkshire",
    "north yorkshire",
    "home counties",
    "west bengal",
    "tamil nadu",
    "andhra pradesh",
    "uttar pradesh",
    "madhya pradesh",
    "himachal pradesh",
    "jammu and kashmir",
    "rift valley",
    "west nile",
    "great lakes",
    "betsi cadwaladr",
    "cwm taf morgannwg",
    "hywel dda",
    "aneurin bevan",
    "swansea bay",
    "nevill hall",
    "glan clwyd",
    "royal glamorgan",
    "alder hey",
    "great ormond street",
    "mater misericordiae",
    "dumfries and galloway",
    "dumfries & galloway",
    "neath port talbot",
    "murdoch children's",
    "royal women's",
    "korle bu",
    "sheikh khalifa",
    "stanford hall",
    "heidelberg repat",
    "royal melbourne",
    "royal perth",
    "royal brisbane",
    "royal adelaide",
    "royal hobart",
    "royal darwin",
    "royal north shore",
    "john hunter",
    "princess alexandra",
    "st vincent's sydney",
    "st vincent's melbourne",
    "peter mac",
    "fiona stanley",
    "lady cilento",
    "monash medical centre",
    "flinders medical centre",
    "gold coast university",
)

# Things of several words whose words alone are names: eponymous conditions, signs and
# instruments written without a hyphen, and hospitals and charities named after people.
THING_PHRASES = (
    "lake louise",
    "smith & nephew",
    "smith and nephew",
    "johnson & johnson",
    "torsades de pointes",
    "patient blood management",
    "angong niuhuang wan",
    "pien tze huang",
    "pocari sweat",
    "bak kut teh",
    "bill of rights",
    "mental health bill",
    "paris system",
    "king edward vii",
    "fisher house",
    "audie l. murphy",
    "audie murphy",
    "gold card",
    "harris review",
    "jones criteria",
    "curve of wilson",
    "lucia jig",
    "asthma + lung uk",
    "st john ambulance",
    "temple street",
    "helen & douglas house",
    "munro review",
    "named person",
    "whānau āwhina plunket",
    "kapa haka",
    "cavalier king charles",
    "aberdeen angus",
    "welsh black",
    "farmer's lung",
    "chris o'brien lifehouse",
    "fred hutch",
    "ann arbor",
    "tata memorial",
    "baxter infusor",
    "cancer drugs fund",
    "rainbow ward",
    "richter transformation",
    "phoenix definition",
    "dara-vrd",
    "pudina hara",
    "hamdard safi",
    "nigella sativa",
    "carte vitale",
    "hospital universitario",
    "ospedale san raffaele",
    "spitalul clinic",
    "bạch mai",
    "willis gauge",
    "cawood and howell",
    "black's class",
    "hb bart's",
    "justice health",
    "ministry of justice",
    "black patients",
    "black donors",
    "black people",
    "black women",
    "black men",
    "black african",
    "black caribbean",
    "black british",
    "royal victoria",
    "robert jones and agnes hunt",
    "blue monday",
    "code alpha",
    "long term illness",
    "dr comfort",
    "dr google",
    "king's birthday",
    "queen's birthday",
    "trilogy evo",
    "nikshay sampark",
    "bts winter",
    "a chara",
    "is mise le meas",
    "dor yeshorim",
    "uk biobank",
    "mackenzie's mission",
    "yolŋu matha",
    "te whare tapa whā",
    "te whare tapa wha",
    "larga baffin",
    "tohono o'odham",
    "english-wabigoon",
    "inuit qaujimajatuqangit",
    "te whatu ora",
    "royal prince alfred",
    "torsades de pointes",
    "well child tamariki ora",
    "thurston holland",
    "sláinte agus tiomáint",
    "steroid emergency card",
    "stark law",
    "shipman inquiry",
    "berwick report",
    "dr foster",
    "sir charles gairdner",
    "michel's medium",
    "clark level",
    "mepilex border sacrum",
    "fresenius kabi",
    "falk pharma",
    "world ibd day",
    "schwartz rounds",
    "simpson's biplane",
    "campbell danger assessment",
    "red cross",
    "red crescent",
    "chelsea and westminster",
    "the havens london",
    "the havens",
    "reiter's",
    "whittall street",
    "chevra kadisha",
    "te tāhū hauora",
    "one chance to get it right",
    "hyde amendment",
    "russell's viper",
    "maisha namba",
    "komfo anokye",
    "dora nginza",
    "guy's and st thomas'",
    "guy's and st thomas",
    "oliver mcgowan",
    "cornelia de lange",
    "power of attorney",
    "americans with disabilities",
    "thomas the tank engine",
    "rose bengal",
    "the christie",
    "velindre",
    "mary seacole",
    "queen charlotte's",
    "queen charlotte",
    "ramsay hunt",
    "neville barnes",
    "plaster of paris",
    "braxton hicks",
    "treacher collins",
    "spencer wells",
    "sister mary joseph",
    "pierre robin",
    "russell silver",
    "silver russell",
    "mallory weiss",
    "stevens johnson",
    "guillain barre",
    "guillain barré",
    "brown sequard",
    "wolff parkinson white",
    "charcot marie tooth",
    "creutzfeldt jakob",
    "prader willi",
    "dandy walker",
    "arnold chiari",
    "peutz jeghers",
    "osgood schlatter",
    "legg calve perthes",
    "sturge weber",
    "von willebrand",
    "von hippel lindau",
    "tolosa hunt",
    "alice in wonderland",
    "earl grey",
    "puritan bennett",
    "ronald mcdonald house",
    "marie curie",
    "peter maccallum",
    "chris hani baragwanath",
    "steve biko",
    "charlotte maxeke",
    "groote schuur",
    "great ormond street",
    "john radcliffe",
    "addenbrooke's",
    "johns hopkins",
    "mayo clinic",
    "sloan kettering",
    "mount sinai",
    "da vinci",
    "black african",
    "black caribbean",
    "black british",
    "white british",
    "white irish",
    "n engl j med",
    "new england journal of medicine",
    "te whatu ora",
    "te reo",
    "health nz",
    "tan tock seng",
    "royal hobart",
    "royal brompton",
    "salford royal",
    "south asia",
    "southeast asia",
    "south east asia",
    "east asia",
    "central asia",
    "west africa",
    "east africa",
    "north africa",
    "southern africa",
    "central america",
    "south america",
    "latin america",
    "middle east",
    "jenny lind",
    "queen charlotte's & chelsea",
    "queen charlotte's and chelsea",
    "little hearts matter",
    "ripl porton",
    "porton down",
    "the evelina",
    "evelina london",
    "disabled facilities grant",
    "royal marsden",
    "royal free",
    "ninewells",
    "roma and traveller",
    "palmerston north",
    "yellow card",
    "jordan's principle",
    "joyce's principle",
    "cao gio",
    "kia ora",
    "red cross lifeblood",
    "hunter new england",
    "northwick park",
    "organ donor register",
    "dolby vivisol",
    "royal college",
    "royal colleges",
    "riva star",
    "le fort",
    "blue cross",
    "blue shield",
    "good faith estimate",
    "major trauma",
    "mortimer market",
    "sue ryder",
    "tai chi",
    "qi gong",
    "ma huang",
    "dong quai",
    "he shou wu",
    "yin yang",
    "ling zhi",
    "wu wei zi",
    "dan shen",
    # children's hospitals and homes named after people, a care scandal's name
    "st jude",
    "st. jude",
    "lucile packard",
    "le bonheur",
    "winterbourne view",
    "mother teresa",
    "bence jones",
    # South Asian mothers' and children's schemes and ambulances
    "janani suraksha yojana",
    "janani shishu suraksha karyakram",
    "janani express",
    "mission indradhanush",
    "suwa seriya",
    # hospitals, hospices and services named after people or places
    "holland bloorview",
    "princess margaret",
    "caritas christi",
    "ryan white",
    "lamb's wool",
    "c-card",
    "first databank",
    "co-op funeralcare",
    "tobin brothers",
    "hans rudolph",
    "amara view",
    "medi derma-s",
    "amazing grace",
    "abide with me",
    "just can't wait",
    "trevor project",
    "abigail's footsteps",
    "groovin the moo",
    "cochrane review",
    "cochrane library",
    "cochrane database",
    "barton schmitt",
    "schmitt-thompson",
    "ags beers",
    "beers criteria",
    "hale's medications",
    "sun pharma",
)

# Words after a brand that name its form or strength ("Augmentin Duo Forte", "Panadol Osteo",
# "Synap Forte"): part of the product, never a person's name.
# Devices, services and makers that are no medicine (the refusal rule reads BRANDS as
# medicines, knowledge/drug_names.py): a scanner, a tracer's product, a breast pump, a
# dispensing aid, a secure e-mail service, compression garments, a dialysis machine.
DEVICES_AND_SERVICES = frozenset(
    """
    juzo jobst mediven mobiderm homechoice claria sharesource transonic tesio permcath laqshya
    plunketline youthline healthline
    plastipak bodyguard mckesson
    healthlink lifepak acapella aerobika leckey rifton piedro certus iridium vauto aircurve
    baywater vivisol cessna hercules cavit hoyer masterplan lycra
    ceribell embryoscope kidscore karyomapping docman nhsmail eircode sophysa litholink
    omnicell
    magseed datscan somatom lansinoh medela vapotherm dosette webster-pak venalink healthmail
    widgit coban tono-pen phonak signia oticon cochlear haberman
    nevro wallstent denali baha agfa malaffi nabidh wi-fi gelofusine nonin zio bluetooth yakult
    pocari
    """.split()
)

PRODUCT_LINES = frozenset("duo forte osteo plus extra mite retard continus rapid".split())

CALENDAR = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december christmas easter ramadan
    eid thanksgiving diwali hanukkah passover lent yom kippur rosh hashanah vaisakhi holi
    navratri pesach purim sukkot shabbat sabbath advent whitsun boxing halloween year hajj
    umrah mon tue tues wed thu thur thurs fri sat sun jan feb mar apr jun jul aug sep sept oct
    nov dec jalali adha fitr hijri gregorian songkran deepavali mid-autumn
    """.split()
)

# Words that follow an eponym or a brand and show it is one: "Kernig sign", "Braden score",
# "Foley catheter", "Down syndrome", "Bell's palsy".
EPONYM_NOUNS = frozenset(
    """
    antibodies antibody antigen antigens phenotype phenotypes crystals protein fibrinogen
    clamp clamps circuit exsanguinator
    walking ocean deck delusion proteinuria
    sign signs syndrome disease diseases score scores scale scales test tests criteria
    criterion triad notch formula tear attack attacks reflex classification stage staging
    grade grading procedure operation position manoeuvre maneuver technique method line
    catheter tube needle bag mask chorea breathing respiration orbitopathy palsy fracture
    fractures index rule rules questionnaire phenomenon ulcer ulcers node nodes lymphoma
    sarcoma tumour tumor cyst cysts diverticulum law equation point points balance
    equivalent deficiency factor pouch stitch splint collar boot node's esophagus oesophagus
    oesophagitis lesion lesions nodule nodules contracture anomaly malformation disorder
    encephalopathy dementia ataxia thyroiditis arteritis neuralgia neuroma angina arthritis
    virus protocol pathway bundle standards association society college foundation institute
    institutes hospital bank service trust university department council centre center
    clinic agency board unit unit's coma ratio curve list canal pattern patterns
    murmur murmurs pupil pupils wave waves purpura stoma screw forceps nomogram nomograms
    guideline guidelines wort capsule capsules tablets tablet inhaler inhalers injection
    injections cream ointment drops spray patch patches suspension syrup liquid sachets
    sachet infusion vaccine vaccines pen pens device devices pump pumps dressing dressings
    shunt valve valves ventouse retractor blade blades laryngoscope splints frame traction
    incision approach repair flap flaps suture sutures cuff cuffs loop hernia arch artery
    arteries vein veins nerve nerves ligament ligaments duct ducts gland glands space spaces
    membrane corpuscles islets fibres fibers programme program initiative campaign network
    registry trial trials study studies house grant grants nursing nurses hospice charity
    appeal award exercises exercise manoeuvres maneuvers concept regimen regimens lift lifts
    sling slings hoist tool tools model chart charts spots scoring code codes competence act
    acts book card cards pack packs reflexes tape tapes guardian guardians referral referrals
    volunteers
    cells chromosome harness balloon lamp
    building wing theatre theatres suite block lounge ward wards manual handbook variant
    paresis solution
    cycle cycles rash premeds refill refills balm oil mixture bath pill pills rotacap spacer
    spacers hoist meter glucometer monitor scope dosing regimen crisis sign gold forte
    sequence surgery oesophagectomy esophagectomy gastrectomy rings ring faces hump pearls
    register encephalitis nurse nurses house
    stain culture agar
    clasp clasps
    cerclage uterus speculum views ruling report rods bodies judgment judgement rod pavilion
    clinics
    colposuspension pyeloplasty urethroplasty
    """.split()
)

# The nouns that follow an eponym's possessive ("Bell's palsy", "Hunter's canal"); a device,
# a drug or a result after a possessive is a person's ("Le's insulin pump", "Ann's INR").
EPONYM_OWN_NOUNS = frozenset(
    """
    sign signs syndrome disease test triad canal cyst palsy phenomenon law criteria score scale
    classification fracture ulcer node nodes lymphoma sarcoma tumour tumor disorder
    encephalopathy dementia ataxia thyroiditis arteritis neuralgia neuroma angina pouch
    diverticulum chorea formula rule reflex manoeuvre maneuver operation procedure position
    hernia membrane space duct gland nodules lesions point triangle pattern wort technique
    method equation index contracture anomaly malformation notch tear attack screw forceps
    oesophagus esophagus ligament fascia muscle cells corpuscles bodies islets capsule
    pentad spots college hospital hospitals fund trust school university foundation
    centre center house grant nurse nurses nursing hospice charity exercises concept
    reversal paresis solution lamp area campaign rule crisis blue hump sequence incision fat
    groin manoeuvres maneuvers
    """.split()
)

# Eponyms whose possessive alone names the disease, the position, the operation or the fluid
# ("exclude Barrett's", "Addison's sick day rules", "Hartmann's vs Ringer's"); "Barrett's
# INR" is still someone's (assistant/answering/phi_eponyms.py).
CONDITIONS_BY_THEIR_EPONYM = frozenset(
    """
    addison barrett hartmann fowler parkinson crohn cushing alzheimer hodgkin raynaud sjogren
    sjögren huntington hashimoto meniere ménière perthes paget peyronie dupuytren tourette
    asperger kaposi burkitt wernicke korsakoff behcet behçet kawasaki hirschsprung conn
    gilbert ringer trendelenburg bartholin osgood graves bell
    """.split()
)

# Who a family member is to the patient: written with a capital, still no name ("Dad keeps
# getting up at night", "Mum is 92").
RELATIVES = frozenset(
    """
    dad daddy mum mummy mom mommy mam mother father grandad granddad grandpa grandma granny
    gran nan nana nanna hubby husband wife son daughter brother sister auntie aunt uncle
    carer partner fiance fiancé baby bub koro kuia granddaughter grandson niece nephew cousin
    stepson stepdaughter
    nain taid granda grandda oma opa nonna nonno yiayia babcia dziadek
    """.split()
)

# Every list above, for a single look-up.
NOT_PEOPLE = BRANDS | EPONYMS | BODIES | PLACES | CALENDAR | GENERA | DEVICES_AND_SERVICES
