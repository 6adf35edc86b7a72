import type { Catalogue } from './types';

/** French. Participants are addressed informally (docs/translating.md says why). */
export const fr: Catalogue = {
  // ── common: Shared by every surface: language names, dates, lists ──
  'common.language': 'Langue',
  'common.dateTimeInZone': '{date} à {time} ({zone})',
  // ── end of common ──

  // ── page: Participant pages (src-main/http/participant) ──
  'page.language.label': 'Langue de cette page et de tes e-mails',
  'page.language.save': 'Changer de langue',
  // ── end of page ──

  // ── mail: Emails and calendar invitations (src-main/mail) ──
  'mail.footer.language': 'Tu reçois ces e-mails en français.',
  'mail.ics.summary': 'Père Noël secret : {exchange}',
  'mail.hi': 'Bonjour {name},',
  'mail.hello': 'Bonjour,',
  'mail.openMyPage': 'Ouvrir ma page',
  'mail.fromOrganizer': 'Un mot de l’organisateur',
  'mail.layout.buttonFallback': 'Si le bouton ne marche pas, copie ce lien dans ton navigateur :',
  'mail.details.when': 'Quand',
  'mail.details.where': 'Où',
  'mail.details.budget': 'Budget',
  'mail.details.budgetPerGift': '{budget} par cadeau',
  'mail.footer.participant': 'Envoyé par Sneaky Klaus pour le Père Noël secret « {exchange} ». Le lien de ce message est personnel : merci de ne pas le transférer.',
  'mail.footer.organizer': 'Envoyé par Sneaky Klaus à toi, l’organisateur. Les participants ne voient jamais ce message.',
  'mail.footer.organizerAbout': 'Envoyé par Sneaky Klaus au sujet de « {exchange} » à toi, l’organisateur. Les participants ne voient jamais ce message.',
  'mail.subject.forPerson': '{subject} (pour {name})',
  'mail.duration.minutes': '{count, plural, one {une minute} other {# minutes}}',
  'mail.duration.hours': '{count, plural, one {# heure} other {# heures}}',
  'mail.giftee.ideas': 'Les idées de cadeaux de {name}',
  'mail.giftee.latestIdeas': 'Les dernières idées de cadeaux de {name}',
  'mail.giftee.address': 'L’adresse de {name} pour le cadeau',
  'mail.welcome.subject': '{exchange} : c’est bon, tu participes !',
  'mail.welcome.heading': 'Bienvenue, {name} !',
  'mail.welcome.youreIn': 'Tu participes à <b>{exchange}</b>.',
  'mail.welcome.addedBy': '{organizer} t’a ajouté à <b>{exchange}</b>.',
  'mail.welcome.addedByOrganizer': 'L’organisateur t’a ajouté à <b>{exchange}</b>.',
  'mail.welcome.nextInvited': 'Quand tout le monde sera inscrit, les noms seront tirés au sort et tu recevras un message qui te dira à qui tu offres un cadeau.',
  'mail.welcome.nextOpen': 'À la fin des inscriptions, les noms seront tirés au sort et tu recevras un message qui te dira à qui tu offres un cadeau.',
  'mail.welcome.nextDeadline':
    'Les inscriptions se terminent le {deadline}. Ensuite, les noms seront tirés au sort et tu recevras un message qui te dira à qui tu offres un cadeau.',
  'mail.welcome.ideas.none': 'En attendant, ajoute quelques idées de cadeaux sur ta page : elles aideront la personne qui tirera ton nom.',
  'mail.welcome.ideas.given': 'Merci pour tes idées de cadeaux ! Tu peux les modifier sur ta page, avant comme après le tirage.',
  'mail.welcome.ideas.unknown': 'Sur ta page, tu peux ajouter ou modifier tes idées de cadeaux : elles aideront la personne qui tirera ton nom.',
  'mail.welcome.invitedIdeas.none': 'Avant le tirage, ajoute quelques idées de cadeaux sur ta page : elles aideront la personne qui tirera ton nom.',
  'mail.welcome.invitedIdeas.given': 'Tes idées de cadeaux sont déjà sur ta page. Tu peux les y consulter et les modifier.',
  'mail.welcome.preheader.none': 'Tu es inscrit. Ajoute quelques idées de cadeaux pour aider ton Père Noël secret.',
  'mail.welcome.preheader.given': 'Tu es inscrit, idées de cadeaux comprises.',
  'mail.welcome.preheader.unknown': 'Tu es inscrit au Père Noël secret.',
  'mail.welcome.invitedPreheader.none': 'Tu fais partie des participants. Ajoute quelques idées de cadeaux pour aider ton Père Noël secret.',
  'mail.welcome.invitedPreheader.given': 'Tu fais partie des participants, idées de cadeaux comprises.',
  'mail.magicLink.subject': '{exchange} : ton lien de connexion',
  'mail.magicLink.preheader': 'Ton lien pour te connecter. Il ne sert qu’une fois et expire dans {expires}.',
  'mail.magicLink.intro': 'Voici ton lien pour te connecter à <b>{exchange}</b>.',
  'mail.magicLink.button': 'Me connecter',
  'mail.magicLink.expires': 'Il ne sert qu’une fois et expire dans {expires}. S’il a expiré, demandes-en simplement un nouveau.',
  'mail.magicLink.ignore': 'Tu n’as rien demandé ? Tu peux ignorer ce message sans souci.',
  'mail.sharedLinks.subject': '{exchange} : vos liens de connexion',
  'mail.sharedLinks.preheader': 'Liens de connexion pour {names}. Chacun ne sert qu’une fois et expire dans {expires}.',
  'mail.sharedLinks.intro': 'Plusieurs personnes de cette adresse participent à <b>{exchange}</b>. Chacune a son propre lien : n’utilise que le tien.',
  'mail.sharedLinks.button': 'Me connecter en tant que {name}',
  'mail.sharedLinks.expires': 'Chaque lien ne sert qu’une fois et expire dans {expires}. Si l’un d’eux a expiré, demandez-en simplement de nouveaux.',
  'mail.match.subject': '{exchange} : à qui tu offres un cadeau',
  'mail.match.preheader': 'Les noms sont tirés ! Ouvre ce message quand personne ne regarde par-dessus ton épaule.',
  'mail.match.intro': 'Les noms ont été tirés au sort pour <b>{exchange}</b> !',
  'mail.match.santaFor': 'Tu es le Père Noël secret de',
  'mail.match.santaForNow': 'Tu es maintenant le Père Noël secret de',
  'mail.match.giftees': 'Les personnes à qui tu offres',
  'mail.match.gifteesNow': 'Les personnes à qui tu offres désormais',
  'mail.match.noIdeas': 'Pas encore d’idées. Elles viendront peut-être plus tard : ta page et tes rappels les afficheront.',
  'mail.match.pageHint': 'Sur ta page, tu peux mettre à jour tes propres idées de cadeaux et voir les leurs évoluer.',
  'mail.match.calendarSecret': 'La date est jointe sous forme de fichier d’agenda. Chut… garde le secret !',
  'mail.changed.subject': '{exchange} : la personne à qui tu offres a changé',
  'mail.changed.preheader': 'Le groupe a changé : tu offres désormais à quelqu’un d’autre.',
  'mail.changed.intro': 'Le groupe de <b>{exchange}</b> a changé, alors ton tirage aussi. Oublie le précédent : ce message le remplace.',
  'mail.reminder.when': '{days, plural, =0 {aujourd’hui à {time}} =1 {demain} other {dans # jours}}',
  'mail.reminder.subject': '{exchange} : l’échange de cadeaux a lieu {when}',
  'mail.reminder.listSubject': '{exchange} : un rappel de l’échange de cadeaux',
  'mail.reminder.preheader': 'Petit rappel : l’échange de cadeaux a lieu {when}.',
  'mail.reminder.intro': 'Petit rappel : <b>{exchange}</b> a lieu {when}.',
  'mail.reminder.noIdeas': 'Pas encore d’idées. Une petite surprise fera très plaisir !',
  'mail.reminder.turnOff': 'Tu ne veux plus de rappels ? Tu peux les désactiver sur ta page.',
  'mail.passOn.subject': '{exchange} : un lien du Père Noël secret à transmettre à {recipient}',
  'mail.passOn.listSubject': '{exchange} : un lien du Père Noël secret à transmettre',
  'mail.passOn.preheader': 'Les noms sont tirés pour {exchange}. Merci de donner ce lien à {recipient} ; il ne dit pas à qui {recipient} offre.',
  'mail.passOn.intro': 'Les noms ont été tirés au sort pour <b>{exchange}</b>. {recipient} n’a pas d’adresse e-mail ici, alors l’organisateur te demande de transmettre un lien.',
  'mail.passOn.how':
    'Envoie-le à {recipient} par message, ou ouvre-le sur le téléphone ou l’ordinateur de {recipient} quand vous êtes ensemble. La page derrière ce lien montre à qui {recipient} offre : merci de ne pas l’ouvrir toi-même.',
  'mail.passOn.button': 'La page de {recipient}',
  'mail.passOn.secret': 'Ce message ne dit pas à qui {recipient} offre. Le lien fonctionne jusqu’à la fin de l’échange.',
  'mail.drawCancelled.subject': '{exchange} : le tirage est annulé, un nouveau suivra',
  'mail.drawCancelled.preheader': 'Oublie le nom que tu as tiré. Tu en recevras bientôt un nouveau.',
  'mail.drawCancelled.intro':
    'L’organisateur a annulé le tirage de <b>{exchange}</b>. Oublie le nom que tu as tiré : un nouveau tirage suit, et tu en recevras le résultat par e-mail.',
  'mail.drawCancelled.sorry': 'Désolé pour ce contretemps, et merci de ta patience !',
  'mail.updated.subject': '{exchange} : nouvelle date, heure ou lieu',
  'mail.updated.preheader': 'L’échange de cadeaux a changé. Voici les nouveaux détails.',
  'mail.updated.intro': 'L’organisateur a modifié les détails de <b>{exchange}</b>. La personne à qui tu offres reste la même. Voici ce qui vaut désormais :',
  'mail.updated.calendar': 'Le fichier d’agenda joint met à jour l’événement dans ton agenda.',
  'mail.cancelled.subject': '{exchange} : l’échange de cadeaux est annulé',
  'mail.cancelled.preheader': 'L’échange de cadeaux n’aura pas lieu.',
  'mail.cancelled.intro': 'L’organisateur a annulé <b>{exchange}</b>. Tu n’as plus rien à faire, et tu ne recevras plus de messages.',
  'mail.cancelled.calendar': 'Le fichier d’agenda joint retire l’événement de ton agenda.',
  'mail.between.subject': '{exchange} : tu as un nouveau message',
  'mail.between.preheader': 'Tu as un nouveau message dans {exchange}.',
  'mail.between.intro': 'Tu as un nouveau message dans <b>{exchange}</b>.',
  'mail.between.open': 'Ouvre ta page pour le lire et y répondre.',
  'mail.between.button': 'Lire le message',
  'mail.reveal.subject': '{exchange} : qui était ton Père Noël secret ?',
  'mail.reveal.preheader': 'Le secret est levé : ouvre ce message pour savoir qui t’a offert un cadeau.',
  'mail.reveal.intro': '{exchange} est terminé, le secret peut être levé.',
  'mail.reveal.label': '{count, plural, one {Ton Père Noël secret était} other {Tes Pères Noël secrets étaient}}',
  'mail.access.subject': '{exchange} : l’organisateur a regardé ton tirage',
  'mail.access.personalLink': 'Le {when}, l’organisateur a ouvert un lien personnel vers ta page ; quiconque l’utilise voit ta page, y compris la personne à qui tu offres.',
  'mail.access.reveal': 'Le {when}, l’organisateur a dévoilé qui a tiré qui, y compris la personne à qui tu offres.',
  'mail.access.privateEmail': 'Le {when}, l’organisateur a lu le message qui te dit à qui tu offres.',
  'mail.access.printedCard': 'Le {when}, l’organisateur a imprimé ta carte, qui montre sous un pli à qui tu offres.',
  'mail.access.why': 'Les organisateurs le font pour régler un problème, par exemple un message jamais arrivé. Si cela te surprend, pose-leur la question.',
  'mail.organizer.openApp': 'Ouvre Sneaky Klaus pour voir les détails.',
  'mail.organizer.openButton': 'Ouvrir Sneaky Klaus',
  'mail.newSignup.subject': '{exchange} : {name} s’est inscrit',
  'mail.newSignup.preheader': '{name} vient de s’inscrire. {count, plural, one {# participant} other {# participants}} pour l’instant.',
  'mail.newSignup.intro': '<b>{name}</b> vient de s’inscrire à <b>{exchange}</b>.',
  'mail.newSignup.count': 'Cela fait {count, plural, one {# participant} other {# participants}} pour l’instant.',
  'mail.withdrawal.subject': '{exchange} : {name} s’est retiré',
  'mail.withdrawal.preheader': '{name} ne participe plus.',
  'mail.withdrawal.intro': '<b>{name}</b> ne participe plus à <b>{exchange}</b>.',
  'mail.withdrawal.rearranged':
    'Les noms étaient déjà tirés, alors Sneaky Klaus a réorganisé les paires : {count, plural, one {# participant a reçu} other {# participants ont reçu}} une nouvelle personne à gâter et un message à ce sujet. Personne d’autre n’est concerné, et aucune paire n’a été révélée.',
  'mail.withdrawal.noChange': 'Les noms étaient déjà tirés, mais personne n’a eu besoin d’un nouveau tirage.',
  'mail.withdrawal.beforeDraw': 'Les noms ne sont pas encore tirés, il n’y a donc rien d’autre à faire.',
  'mail.closed.subject': '{exchange} : inscriptions closes avec {count, plural, one {# participant} other {# participants}}',
  'mail.closed.preheader': 'Les inscriptions sont closes avec {count, plural, one {# participant} other {# participants}}. Place au tirage !',
  'mail.closed.intro': 'Les inscriptions à {exchange} sont closes, avec {count, plural, one {# participant} other {# participants}}.',
  'mail.closed.next': 'Prochaine étape : vérifie la liste et les exclusions, puis tire les noms dans Sneaky Klaus.',
  'mail.drawDone.subject': '{exchange} : les noms sont tirés',
  'mail.drawDone.preheader': 'Les noms sont tirés pour {count, plural, one {# participant} other {# participants}}. Si tu participes, ton propre tirage arrive à part.',
  'mail.drawDone.intro': 'Les noms ont été tirés au sort pour {exchange} ({count, plural, one {# participant} other {# participants}}).',
  'mail.drawDone.queued':
    '{count, plural, one {# message de tirage est} other {# messages de tirage sont}} en route. Les paires te restent cachées à toi aussi, sauf si tu choisis de les dévoiler. Si tu participes, ton propre tirage arrive dans un message séparé.',
  'mail.digest.subject': '{exchange} : {count, plural, one {# nouvelle inscription} other {# nouvelles inscriptions}} aujourd’hui',
  'mail.digest.listSubject': '{exchange} : nouvelles inscriptions du jour',
  'mail.digest.preheader': '{count, plural, one {# nouvelle inscription} other {# nouvelles inscriptions}} depuis le dernier récapitulatif.',
  'mail.digest.intro': 'Depuis le dernier récapitulatif, {count, plural, one {une personne s’est inscrite} other {# personnes se sont inscrites}} :',
  'mail.digest.exchange': '{exchange} (désormais {count, plural, one {# participant} other {# participants}})',
  'mail.digest.signup': '{name}, {at}',
  'mail.digest.signupLeft': '{name}, {at} (s’est retiré depuis)',
  'mail.failures.subject': '{exchange} : {count, plural, one {# message n’a pas pu être distribué} other {# messages n’ont pas pu être distribués}}',
  'mail.failures.preheader':
    '{count, plural, one {# message n’a pas pu être distribué} other {# messages n’ont pas pu être distribués}}. Vérifie les adresses et renvoie-les depuis la boîte d’envoi.',
  'mail.failures.introExchange':
    '{count, plural, one {# message n’a pas pu être distribué} other {# messages n’ont pas pu être distribués}} pour {exchange}, même après plusieurs essais :',
  'mail.failures.intro': '{count, plural, one {# message n’a pas pu être distribué} other {# messages n’ont pas pu être distribués}}, même après plusieurs essais :',
  'mail.failures.item': '{to} ({kind}) : {error}',
  'mail.failures.unknownError': 'erreur inconnue',
  'mail.failures.more': '…et {count} de plus.',
  'mail.failures.fix':
    'Vérifie les adresses et tes réglages de messagerie, puis clique sur Renvoyer dans la boîte d’envoi. Tu peux aussi copier le lien personnel de chacun depuis la liste des participants et l’envoyer par messagerie instantanée.',
  'mail.kind.magicLink': 'lien de connexion',
  'mail.kind.welcome': 'message de bienvenue',
  'mail.kind.match': 'message de tirage',
  'mail.kind.reminder': 'rappel',
  'mail.kind.changed': 'tirage modifié',
  'mail.kind.purgeWarning': 'avis de suppression',
  'mail.kind.test': 'message de test',
  'mail.purge.subject': '{exchange} : les données seront supprimées le {day}',
  'mail.purge.preheader': 'Tout ce qui concerne cet échange sera supprimé le {when}.',
  'mail.purge.intro':
    'Pour que les informations de chacun restent privées, Sneaky Klaus supprime les échanges terminés. Tout ce qui concerne <b>{exchange}</b> (participants, idées de cadeaux, paires et messages) sera supprimé le :',
  'mail.purge.label': 'Date de suppression',
  'mail.purge.nothingToDo':
    'Tu n’as rien à faire. Si tu veux garder quelque chose, comme la liste des participants pour l’an prochain, copie-le avant. L’an prochain, Sneaky Klaus pourra quand même éviter les paires de cette année sans garder d’informations sur personne.',
  'mail.test.subject': 'Sneaky Klaus : message de test',
  'mail.test.preheader': 'Tes réglages de messagerie fonctionnent.',
  'mail.test.works': 'Bonne nouvelle : tes réglages de messagerie fonctionnent. Sneaky Klaus peut maintenant envoyer les invitations, les tirages et les rappels.',
  'mail.test.sent': 'Envoyé',
  'mail.test.spam': 'Si ce message est arrivé dans les indésirables, marque-le comme « non indésirable » : les messages aux participants auront plus de chances d’arriver aussi.',
  'mail.test.footer': 'Envoyé par Sneaky Klaus parce que quelqu’un a cliqué sur « Envoyer un message de test » dans ses réglages.',
  'mail.ics.budget': 'Budget : {budget} par cadeau',
  'mail.ics.organised': 'Père Noël secret organisé avec Sneaky Klaus.',
  'mail.subject.other': '{exchange} : {what}',
  'mail.notice.purge': 'Tout ce qui concerne « {exchange} » sera supprimé le {when}. Copie d’ici là tout ce que tu veux garder.',
  'mail.notice.more': '{count} de plus',
  'mail.notice.linksMovedNobody':
    'L’adresse publique est passée de {from} à {to}. Les liens déjà envoyés avec l’ancienne adresse ne fonctionnent plus. Personne n’a encore reçu un tel lien.',
  'mail.notice.linksMoved':
    'L’adresse publique est passée de {from} à {to}. Les liens déjà envoyés avec l’ancienne adresse ne fonctionnent plus. {count, plural, one {Cette personne en a un} other {Ces # personnes en ont un}} : {names}. Renvoie leur dernier message depuis la boîte d’envoi : il repartira avec la nouvelle adresse et un nouveau lien.',
  'mail.smtp.serverSaid': 'Le serveur a répondu : « {text} ».',
  'mail.smtp.auth.microsoft':
    'Chez Microsoft, les comptes personnels Outlook.com ou Hotmail demandent un mot de passe d’application (active d’abord la validation en deux étapes) ; les comptes professionnels ou scolaires demandent que l’administrateur autorise « Authenticated SMTP ».',
  'mail.smtp.auth.provider':
    '{provider} n’accepte pas ton mot de passe habituel ici : crée un mot de passe d’application dans les réglages de sécurité de ton compte {provider} et colle-le à la place.',
  'mail.smtp.auth.appPassword':
    'Ton fournisseur demande un mot de passe d’application : crées-en un dans les réglages de sécurité de ton compte de messagerie et utilise-le à la place de ton mot de passe habituel.',
  'mail.smtp.auth.check': 'Vérifie le nom d’utilisateur (en général ton adresse e-mail complète) et le mot de passe.',
  'mail.smtp.auth.missing': 'Le nom d’utilisateur ou le mot de passe manque. Remplis-les et réessaie.',
  'mail.smtp.auth.required': 'Le serveur de messagerie veut que tu te connectes avant d’envoyer.',
  'mail.smtp.auth.rejected': 'Le serveur de messagerie n’a pas accepté le nom d’utilisateur ou le mot de passe.',
  'mail.smtp.tls.mismatch':
    'La connexion sécurisée a échoué car le réglage de sécurité ne correspond pas au port. Le port 465 va avec SSL/TLS activé ; le port 587 avec STARTTLS (SSL/TLS désactivé).',
  'mail.smtp.tls.certificate':
    'Le certificat de sécurité du serveur de messagerie n’a pas pu être vérifié (il a peut-être expiré, est auto-signé ou appartient à un autre nom de serveur). Vérifie le nom du serveur ; s’il est correct, le problème vient du fournisseur.',
  'mail.smtp.tls.failed':
    'Impossible d’établir une connexion chiffrée avec le serveur de messagerie. Le port 465 va avec SSL/TLS activé ; le port 587 avec STARTTLS (SSL/TLS désactivé).',
  'mail.smtp.timeout.greeting':
    'Le serveur de messagerie a accepté la connexion mais n’a jamais répondu. En général, le réglage de sécurité ne correspond pas au port. Le port 465 va avec SSL/TLS activé ; le port 587 avec STARTTLS (SSL/TLS désactivé).',
  'mail.smtp.timeout.upgrade':
    'Le serveur de messagerie n’a pas fini de mettre en place le chiffrement à temps. Le port 465 va avec SSL/TLS activé ; le port 587 avec STARTTLS (SSL/TLS désactivé).',
  'mail.smtp.timeout.socket': 'Le serveur de messagerie a cessé de répondre en plein envoi. Réessaie dans quelques minutes.',
  'mail.smtp.timeout.other':
    'Le serveur de messagerie n’a pas répondu à temps. Vérifie le nom du serveur et le port ; certains réseaux (Wi-Fi public, certains fournisseurs d’accès) bloquent les ports d’envoi d’e-mails.',
  'mail.smtp.host.offline': 'Le nom du serveur de messagerie n’a pas pu être résolu. Vérifie que cet ordinateur est connecté à Internet.',
  'mail.smtp.host.unknown': 'Le nom du serveur de messagerie est introuvable. Vérifie qu’il n’y a pas de faute de frappe (par exemple smtp.gmail.com).',
  'mail.smtp.connection.refused': 'Le serveur de messagerie a refusé la connexion sur ce port. Vérifie le numéro de port (en général 587 ou 465).',
  'mail.smtp.connection.unreachable': 'Le serveur de messagerie est injoignable. Vérifie que cet ordinateur est connecté à Internet.',
  'mail.smtp.connection.busy': 'Le serveur de messagerie est occupé ou refuse les connexions pour le moment. Réessaie plus tard.',
  'mail.smtp.connection.cut':
    'La connexion au serveur de messagerie a été coupée. Vérifie le port et le réglage de sécurité, puis réessaie. Le port 465 va avec SSL/TLS activé ; le port 587 avec STARTTLS (SSL/TLS désactivé).',
  'mail.smtp.deferred': 'Le serveur de messagerie demande de réessayer plus tard (fréquent pour un premier message à une adresse). Sneaky Klaus réessaie tout seul.',
  'mail.smtp.quota': 'Ton compte de messagerie a atteint sa limite d’envoi pour l’instant. Attends quelques heures (souvent jusqu’à demain), puis renvoie.',
  'mail.smtp.sender': 'Le serveur de messagerie a refusé l’adresse d’expéditeur. L’adresse « De » doit en général être celle du compte avec lequel tu te connectes.',
  'mail.smtp.recipient': 'Le serveur de messagerie a refusé l’adresse du destinataire. Vérifie qu’il n’y a pas de faute de frappe : la boîte n’existe peut-être pas.',
  'mail.smtp.message': 'Le serveur de messagerie a refusé le message lui-même (il l’a peut-être pris pour du spam).',
  'mail.smtp.protocol': 'Le serveur n’a pas répondu comme un serveur de messagerie (SMTP). Vérifie le nom et le port du serveur d’envoi de ton fournisseur.',
  'mail.smtp.failed': 'L’envoi a échoué : {detail}',
  'mail.smtp.failedUnknown': 'L’envoi a échoué pour une raison inconnue.',
  'mail.smtp.preset.gmail':
    'Utilise ton adresse Gmail complète comme nom d’utilisateur et un mot de passe d’application, pas ton mot de passe habituel. Les mots de passe d’application demandent d’activer la validation en deux étapes dans ton compte Google.',
  'mail.smtp.preset.outlook':
    'Utilise ton adresse e-mail complète comme nom d’utilisateur. Les comptes personnels Outlook.com ou Hotmail demandent un mot de passe d’application (la validation en deux étapes doit être activée). Les comptes professionnels ou scolaires ne fonctionnent que si l’administrateur autorise « Authenticated SMTP », que Microsoft abandonne peu à peu.',
  'mail.smtp.preset.icloud':
    'Utilise ton adresse iCloud complète comme nom d’utilisateur et un mot de passe pour app créé sur account.apple.com (Connexion et sécurité), pas le mot de passe de ton compte Apple.',
  'mail.smtp.preset.fastmail':
    'Utilise ton adresse Fastmail complète comme nom d’utilisateur et un mot de passe d’application avec accès SMTP, créé dans Réglages → Confidentialité et sécurité → Gérer les mots de passe d’application.',
  'mail.smtp.preset.yahoo':
    'Utilise ton adresse Yahoo complète comme nom d’utilisateur et un mot de passe d’application généré dans les réglages de sécurité de ton compte Yahoo, pas ton mot de passe habituel.',
  'mail.smtp.preset.custom':
    'Recopie les réglages du serveur d’envoi (SMTP) donnés par ton fournisseur de messagerie. Le port 587 va en général avec STARTTLS, le port 465 avec SSL/TLS.',
  'mail.smtp.preset.customLabel': 'Autre (serveur personnalisé)',
  'mail.smtp.notConfigured': 'Configure d’abord le serveur de messagerie.',
  'mail.smtp.testSent': 'Un message de test a été envoyé à {to}. Regarde dans cette boîte (et dans ses indésirables).',
  // ── end of mail ──

  // ── admin: Organizer screens: app, pages, stores (src-renderer/app, pages, stores) ──
  'admin.settings.language': 'Langue de ces écrans',
  'admin.settings.languageAuto': 'Comme cet ordinateur ({language})',
  // ── end of admin ──

  // ── parts: Organizer screens: components and their helpers (src-renderer/components, lib) ──
  'parts.participant.language': 'Langue',
  'parts.exchange.language': 'Langue des e-mails et des pages',
  // ── end of parts ──

  // ── error: Refusals and errors: forms, the API's message, the contract (codes stay English) ──
  'error.language.unknown': 'Choisis l’une de ces langues : {languages}.',
  'error.internal': 'Un problème est survenu de notre côté. Merci de réessayer.',
  // ── end of error ──

  // ── shell: Desktop shell: tray, notifications, dialogs (src-main/electron) ──
  'shell.tray.open': 'Ouvrir Sneaky Klaus',
  'shell.tray.quit': 'Quitter',
  // ── end of shell ──
};
