package org.asclepius.bench.mpi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The nicknames the generator puts on duplicates. Written separately from the matcher's table
 * (ejb-module …/matching/nicknames.txt) on purpose: it is smaller, and holds some pairs that table lacks
 * (Sukey, Nabby, Gussie…), so the nickname recall is not the matcher grading its own homework.
 */
final class GeneratorNicknames {
    private static final String[] GROUPS = {
        "William: Bill, Will, Billy, Willie, Liam", "Robert: Bob, Rob, Bobby, Robbie, Bert",
        "Elizabeth: Liz, Beth, Betsy, Eliza, Lizzie, Betty, Bess, Libby", "Margaret: Maggie, Peggy, Meg, Marge, Daisy",
        "Richard: Rick, Dick, Rich, Ricky", "James: Jim, Jimmy, Jamie", "John: Jack, Johnny, Jon",
        "Joseph: Joe, Joey", "Thomas: Tom, Tommy", "Charles: Charlie, Chuck, Chas", "Michael: Mike, Mikey, Mick",
        "Christopher: Chris, Kit", "Daniel: Dan, Danny", "Matthew: Matt", "Anthony: Tony", "Edward: Ed, Eddie, Ned, Ted",
        "Henry: Hank, Harry", "Harold: Hal, Harry", "Patricia: Pat, Patty, Trish, Tricia", "Jennifer: Jen, Jenny",
        "Katherine: Kate, Kathy, Katie, Kitty", "Catherine: Cathy, Kate, Cat", "Susan: Sue, Susie, Sukey",
        "Deborah: Deb, Debbie", "Rebecca: Becky, Becca", "Dorothy: Dot, Dottie, Dolly", "Abigail: Abby, Nabby",
        "Augusta: Gussie", "Frances: Fran, Fanny", "Francis: Frank", "Samuel: Sam, Sammy", "Samantha: Sam, Sammy",
        "Benjamin: Ben, Benny", "Alexander: Alex, Sandy", "Alexandra: Alex, Sandra", "Andrew: Andy, Drew",
        "Nicholas: Nick, Nicky", "Stephen: Steve", "Steven: Steve", "Timothy: Tim", "Kenneth: Ken, Kenny",
        "Ronald: Ron, Ronnie", "Donald: Don, Donny", "Gerald: Gerry, Jerry", "Lawrence: Larry", "Raymond: Ray",
        "Theodore: Ted, Teddy, Theo", "Frederick: Fred, Freddy", "Albert: Al, Bert", "Alfred: Alf, Fred",
        "Walter: Walt, Wally", "Leonard: Len, Lenny", "Eugene: Gene", "Gregory: Greg", "Jeffrey: Jeff",
        "Douglas: Doug", "Peter: Pete", "Philip: Phil", "Vincent: Vince, Vinny", "Zachary: Zach",
        "Jacob: Jake", "Joshua: Josh", "Nathaniel: Nate, Nat", "Jonathan: Jon, Jonny", "Mary: Molly, Polly, Mae",
        "Sarah: Sally, Sadie", "Ann: Annie, Nan", "Anne: Annie, Nan", "Martha: Patsy, Mattie", "Helen: Nell, Nellie",
        "Eleanor: Ellie, Nora", "Virginia: Ginny", "Victoria: Vicky, Tori", "Theresa: Terry, Tess",
        "Teresa: Terry, Tess", "Jessica: Jess, Jessie", "Christina: Tina, Chris", "Christine: Chris, Tina",
        "Pamela: Pam", "Cynthia: Cindy", "Barbara: Barb, Babs", "Judith: Judy", "Kimberly: Kim",
        "Amanda: Mandy", "Melissa: Missy, Mel", "Valerie: Val", "Jacqueline: Jackie", "Josephine: Josie, Jo",
        "Lillian: Lily, Lil", "Gertrude: Gertie, Trudy", "Francisco: Paco, Pancho", "Jose: Pepe",
        "Guadalupe: Lupe", "Jesus: Chuy", "Ignacio: Nacho", "Eduardo: Lalo", "Alberto: Beto",
        "Consuelo: Chelo", "Rosario: Charo", "Dolores: Lola"};

    /** lower-case name → the names a clerk may write instead */
    private static final Map<String, List<String>> ALTERNATIVES = new HashMap<>();

    static {
        for (String group : GROUPS) {
            String formal = group.substring(0, group.indexOf(':')).trim();
            for (String nick : group.substring(group.indexOf(':') + 1).split(",")) {
                String n = nick.trim();
                ALTERNATIVES.computeIfAbsent(formal.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(n);
                ALTERNATIVES.computeIfAbsent(n.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(formal);
            }
        }
    }

    private GeneratorNicknames() {
    }

    static boolean has(String name) {
        return ALTERNATIVES.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** A nickname of a formal name, or the formal name of a nickname. */
    static String nicknameOf(String name, SplittableRandom random) {
        List<String> options = ALTERNATIVES.get(name.toLowerCase(Locale.ROOT));
        return options.get(random.nextInt(options.size()));
    }
}
