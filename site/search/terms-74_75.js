tracebriefSearch.terms("tu",{"tusk":"3"});
