tracebriefSearch.terms("se",{"secretary":"6"});
